import type { z } from 'zod';
import type {
  DocumentDto,
  DocumentListQuery,
  DocumentSharing,
  DocumentTemplateDto,
  DocumentUpdate,
  documentCreateSchema,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export type DocumentCreateRequest = z.input<typeof documentCreateSchema>;
export type DocumentListFilters = Partial<DocumentListQuery>;

export const documentKeys = {
  /** Under the coalition key, so any entity change of the coalition refreshes lists. */
  lists: (coalitionId: string) => ['coalitions', coalitionId, 'documents'] as const,
  list: (coalitionId: string, filters: DocumentListFilters) =>
    ['coalitions', coalitionId, 'documents', filters] as const,
  one: (docId: string) => ['documents', docId] as const,
  templates: ['document-templates'] as const,
};

const listPath = (coalitionId: string) =>
  `/coalitions/${encodeURIComponent(coalitionId)}/documents`;
const docPath = (docId: string) => `/documents/${encodeURIComponent(docId)}`;

export const documentsApi = {
  list: (coalitionId: string, filters: DocumentListFilters) =>
    http.get<DocumentDto[]>(listPath(coalitionId), { query: { ...filters } }),
  get: (docId: string) => http.get<DocumentDto>(docPath(docId)),
  create: (coalitionId: string, input: DocumentCreateRequest) =>
    http.post<DocumentDto>(listPath(coalitionId), input),
  update: (docId: string, input: DocumentUpdate) => http.patch<DocumentDto>(docPath(docId), input),
  archive: (docId: string) => http.post<DocumentDto>(`${docPath(docId)}/archive`),
  restore: (docId: string) => http.post<DocumentDto>(`${docPath(docId)}/restore`),
  remove: (docId: string) => http.delete<void>(docPath(docId)),
  setSharing: (docId: string, input: DocumentSharing) =>
    http.put<DocumentDto>(`${docPath(docId)}/sharing`, input),
  templates: () => http.get<DocumentTemplateDto[]>('/document-templates'),
};
