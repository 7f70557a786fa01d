import type { MentionItem } from '../utils/mentionItems';

export interface MentionSuggestionState {
  items: MentionItem[];
  selected: number;
  /** Where the `@query` is on screen (for the list's position). */
  rect: DOMRect | null;
  choose: (item: MentionItem) => void;
}

/** The open `@` list of an editor, rendered by React (MentionSuggestionList). */
export interface MentionSuggestionStore {
  get: () => MentionSuggestionState | null;
  set: (state: MentionSuggestionState | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createMentionSuggestionStore(): MentionSuggestionStore {
  let state: MentionSuggestionState | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Arrow keys move, Enter/Tab choose, Escape closes; true when the key was handled. */
export function handleSuggestionKey(store: MentionSuggestionStore, key: string): boolean {
  const state = store.get();
  if (!state) return false;
  const count = state.items.length;
  if (key === 'Escape') {
    store.set(null);
    return true;
  }
  if (count === 0) return false;
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const step = key === 'ArrowDown' ? 1 : -1;
    store.set({ ...state, selected: (state.selected + step + count) % count });
    return true;
  }
  if (key === 'Enter' || key === 'Tab') {
    state.choose(state.items[Math.min(state.selected, count - 1)]);
    return true;
  }
  return false;
}
