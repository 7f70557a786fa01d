import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LISTED_DOC_KINDS } from '@coalesce/domain';
import type { ListedDocKind } from '@coalesce/domain';
import { DOCUMENT_SORTS, DOCUMENT_STATES } from '@coalesce/protocol';
import type { DocumentSort } from '@coalesce/protocol';
import type { DocumentListFilters } from '../api/documentsApi';

/** "Changed within" choices, in days. */
export const UPDATED_WITHIN = ['1', '7', '30'] as const;

export interface DocumentFilterState {
  q: string;
  kind: ListedDocKind | null;
  workingGroupId: string | null;
  ownerOrgId: string | null;
  updatedWithin: string | null;
  state: (typeof DOCUMENT_STATES)[number];
  sort: DocumentSort;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

/** The list's search, filters and sort, kept in the URL so a view can be shared and reloaded. */
export function useDocumentFilters() {
  const [params, setParams] = useSearchParams();
  const state: DocumentFilterState = {
    q: params.get('q') ?? '',
    kind: oneOf(LISTED_DOC_KINDS, params.get('kind')),
    workingGroupId: params.get('group'),
    ownerOrgId: params.get('owner'),
    updatedWithin: oneOf(UPDATED_WITHIN, params.get('within')),
    state: oneOf(DOCUMENT_STATES, params.get('state')) ?? 'active',
    sort: oneOf(DOCUMENT_SORTS, params.get('sort')) ?? 'updated',
  };

  const set = (patch: Partial<DocumentFilterState>) => {
    const next = { ...state, ...patch };
    const entries: Array<[string, string | null]> = [
      ['q', next.q || null],
      ['kind', next.kind],
      ['group', next.workingGroupId],
      ['owner', next.ownerOrgId],
      ['within', next.updatedWithin],
      ['state', next.state === 'active' ? null : next.state],
      ['sort', next.sort === 'updated' ? null : next.sort],
    ];
    const search = new URLSearchParams();
    for (const [key, value] of entries) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };

  return { state, set };
}

/** The server query for a filter state; `q` is passed already debounced. */
export function useListQuery(state: DocumentFilterState, q: string): DocumentListFilters {
  const { kind, workingGroupId, ownerOrgId, updatedWithin, sort } = state;
  const listState = state.state;
  // Rounded to the hour so the query key stays stable between renders.
  const since = useMemo(() => {
    if (!updatedWithin) return undefined;
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    return new Date(hour - Number(updatedWithin) * 86_400_000).toISOString();
  }, [updatedWithin]);
  return useMemo(
    () => ({
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(workingGroupId ? { workingGroupId } : {}),
      ...(ownerOrgId ? { ownerOrgId } : {}),
      ...(since ? { updatedSince: since } : {}),
      state: listState,
      sort,
      order: sort === 'title' ? ('asc' as const) : ('desc' as const),
    }),
    [q, kind, workingGroupId, ownerOrgId, since, listState, sort],
  );
}
