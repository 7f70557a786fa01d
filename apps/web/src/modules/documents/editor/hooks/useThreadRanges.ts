import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import type { CommentThreadDto } from '@coalesce/protocol';
import { rangeFromAnchor } from '../utils/commentAnchors';
import type { TextRange } from '../utils/commentAnchors';

/**
 * Where each thread's text is now (null: detached), following every change of the document.
 * Without an editor yet, nothing is known: an empty map.
 */
export function useThreadRanges(
  editor: Editor | null,
  threads: CommentThreadDto[],
): Map<string, TextRange | null> {
  return (
    useEditorState({
      editor,
      selector: ({ editor: e }) => {
        const ranges = new Map<string, TextRange | null>();
        if (!e) return ranges;
        for (const thread of threads)
          ranges.set(thread.id, rangeFromAnchor(e.state, thread.anchor));
        return ranges;
      },
      equalityFn: (a, b) => {
        if (!b || a.size !== b.size) return false;
        for (const [id, range] of a) {
          const other = b.get(id);
          if (range?.from !== other?.from || range?.to !== other?.to) return false;
          if ((range === null) !== (other === null)) return false;
        }
        return true;
      },
    }) ?? new Map()
  );
}
