import type { OrgErasureDto, OrgExportDto } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const orgDataKeys = {
  all: ['org-exports'] as const,
  exports: (orgId: string) => ['org-exports', orgId] as const,
};

const base = (orgId: string) => `/organizations/${orgId}`;

/** The organization's own data: exports (admins) and erasure. */
export const orgDataApi = {
  exports: (orgId: string) => http.get<OrgExportDto[]>(`${base(orgId)}/exports`),
  startExport: (orgId: string) => http.post<OrgExportDto>(`${base(orgId)}/exports`),
  /** Fetches the ZIP with the session's token and hands it to the browser as a download. */
  async downloadExport(orgId: string, job: OrgExportDto): Promise<void> {
    const res = await http.raw(`${base(orgId)}/exports/${job.id}/download`);
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = job.fileName ?? 'coalesce-export.zip';
    link.click();
    URL.revokeObjectURL(url);
  },
  erase: (orgId: string, confirmName: string) =>
    http.post<OrgErasureDto>(`${base(orgId)}/erase`, { confirmName }),
};
