import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { CommentAnchor } from '@coalesce/protocol';
import { rangeFromAnchor } from '../utils/commentAnchors';

export interface HighlightedThread {
  id: string;
  anchor: CommentAnchor;
}

interface HighlightState {
  threads: HighlightedThread[];
  activeId: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Replaces the highlighted threads (the open ones) and the active one. */
export function setCommentHighlights(tr: Transaction, state: HighlightState): Transaction {
  return tr.setMeta(commentHighlightsKey, state);
}

/** Decorations from the threads' relative positions, resolved against the current state. */
function decorationsOf(state: EditorState): DecorationSet {
  const highlight = commentHighlightsKey.getState(state);
  if (!highlight || highlight.threads.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const thread of highlight.threads) {
    const range = rangeFromAnchor(state, thread.anchor);
    if (!range) continue; // detached: nothing to highlight
    const active = thread.id === highlight.activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'doc-comment-highlight is-active' : 'doc-comment-highlight',
        'data-thread-id': thread.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export interface CommentHighlightsOptions {
  /** A click on highlighted text: the thread to show in the panel. */
  onActivate: (threadId: string) => void;
}

/** Highlights the anchored ranges of comment threads; clicking one activates its thread. */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { onActivate: () => undefined };
  },
  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null }),
          apply: (tr, value) => (tr.getMeta(commentHighlightsKey) as HighlightState) ?? value,
        },
        props: {
          decorations: decorationsOf,
          handleClick(view, _pos, event) {
            const target = (event.target as HTMLElement | null)?.closest?.('[data-thread-id]');
            const id = target?.getAttribute('data-thread-id');
            if (id && view.dom.contains(target as Node)) onActivate(id);
            return false;
          },
        },
      }),
    ];
  },
});
