/** TanStack Query keys of one document (the live-update hook invalidates them by prefix). */
export const documentKeys = {
  detail: (docId: string) => ['documents', docId] as const,
  versions: (docId: string) => ['documents', docId, 'versions'] as const,
  comments: (docId: string) => ['documents', docId, 'comments'] as const,
  mentionables: (coalitionId: string) => ['coalitions', coalitionId, 'mentionables'] as const,
};
