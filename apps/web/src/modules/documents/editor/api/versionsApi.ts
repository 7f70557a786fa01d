import type { VersionDto } from '@coalesce/protocol';
import { http } from '../../../../lib/httpClient';
import { docPath } from './documentApi';

const versions = (docId: string) => `${docPath(docId)}/versions`;
const version = (docId: string, versionId: string) =>
  `${versions(docId)}/${encodeURIComponent(versionId)}`;

export const versionsApi = {
  list: (docId: string) => http.get<VersionDto[]>(versions(docId)),
  create: (docId: string, name: string) => http.post<VersionDto>(versions(docId), { name }),
  /** The version as one binary Yjs update. */
  async state(docId: string, versionId: string): Promise<Uint8Array> {
    const res = await http.raw(`${version(docId, versionId)}/state`);
    return new Uint8Array(await res.arrayBuffer());
  },
  restore: (docId: string, versionId: string) =>
    http.post<{ seq: number }>(`${version(docId, versionId)}/restore`),
};
