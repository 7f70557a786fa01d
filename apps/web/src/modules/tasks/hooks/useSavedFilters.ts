import { useCallback, useState } from 'react';
import type { TaskFilters } from '../api/tasksApi';

export interface SavedFilter {
  name: string;
  filters: TaskFilters;
}

const storageKey = (coalitionId: string) => `coalesce.task-filters.${coalitionId}`;

function read(coalitionId: string): SavedFilter[] {
  try {
    const raw = localStorage.getItem(storageKey(coalitionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as SavedFilter[]) : [];
  } catch {
    return [];
  }
}

/** Named task filters, kept in this browser (they hold no sensitive data: only ids and words). */
export function useSavedFilters(coalitionId: string) {
  const [saved, setSaved] = useState<SavedFilter[]>(() => read(coalitionId));
  const write = useCallback(
    (next: SavedFilter[]) => {
      setSaved(next);
      localStorage.setItem(storageKey(coalitionId), JSON.stringify(next));
    },
    [coalitionId],
  );
  return {
    saved,
    save: (name: string, filters: TaskFilters) =>
      write([...saved.filter((s) => s.name !== name), { name, filters }]),
    remove: (name: string) => write(saved.filter((s) => s.name !== name)),
  };
}
