import type { DocumentDto, DocumentUpdate, MentionablesDto } from '@coalesce/protocol';
import { http } from '../../../../lib/httpClient';

export const docPath = (docId: string) => `/documents/${encodeURIComponent(docId)}`;

export const documentApi = {
  get: (docId: string) => http.get<DocumentDto>(docPath(docId)),
  rename: (docId: string, title: string) =>
    http.patch<DocumentDto>(docPath(docId), { title } satisfies DocumentUpdate),
  mentionables: (coalitionId: string) =>
    http.get<MentionablesDto>(`/coalitions/${encodeURIComponent(coalitionId)}/mentionables`),
};
