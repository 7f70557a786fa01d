import { useQuery } from '@tanstack/react-query';
import type { MapLinkKind } from '@coalesce/domain';
import { ApiError } from '../../../lib/ApiError';
import { billsApi } from '../../bills/api/billsApi';
import { documentsApi } from '../../documents/api/documentsApi';
import { tasksApi } from '../../tasks/api/tasksApi';
import { linkPath } from '../utils/linkPaths';

export interface LinkOption {
  value: string;
  label: string;
}

/** Bills, tasks or documents of the coalition matching a search, for the link picker. */
export function useLinkSearch(coalitionId: string, kind: MapLinkKind, q: string) {
  return useQuery({
    queryKey: ['coalitions', coalitionId, 'case-map-link-search', kind, q],
    queryFn: async (): Promise<LinkOption[]> => {
      const query = q.trim() || undefined;
      if (kind === 'bill') {
        const bills = await billsApi.list(coalitionId, { q: query });
        return bills
          .slice(0, 30)
          .map((b) => ({ value: b.id, label: `${b.identifier} · ${b.title}` }));
      }
      if (kind === 'task') {
        const tasks = await tasksApi.list(coalitionId, { q: query });
        return tasks.slice(0, 30).map((t) => ({ value: t.id, label: t.title }));
      }
      const docs = await documentsApi.list(coalitionId, { q: query });
      return docs.slice(0, 30).map((d) => ({ value: d.id, label: d.title }));
    },
    staleTime: 30_000,
  });
}

export interface LinkTarget {
  title: string;
  path: string;
}

/** The linked item's title and page; null when it is gone or not visible to the viewer. */
export function useLinkTarget(coalitionId: string, link: { kind: MapLinkKind; id: string } | null) {
  return useQuery({
    queryKey: ['coalitions', coalitionId, 'case-map-link', link?.kind, link?.id],
    enabled: link !== null,
    queryFn: async (): Promise<LinkTarget | null> => {
      if (!link) return null;
      try {
        if (link.kind === 'bill') {
          const bill = await billsApi.get(coalitionId, link.id);
          return {
            title: `${bill.identifier} · ${bill.title}`,
            path: linkPath(coalitionId, 'bill', bill.id),
          };
        }
        if (link.kind === 'task') {
          const task = await tasksApi.get(coalitionId, link.id);
          return { title: task.title, path: linkPath(coalitionId, 'task', task.id) };
        }
        const doc = await documentsApi.get(link.id);
        return { title: doc.title, path: linkPath(coalitionId, 'document', doc.id, doc.kind) };
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403))
          return null;
        throw error;
      }
    },
  });
}
