import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type { ProsemirrorBinding } from '@tiptap/y-tiptap';
import type { CommentAnchor } from '@coalesce/protocol';
import { decodeRelativePosition, encodeRelativePosition } from './relativePositionCodec';

export interface TextRange {
  from: number;
  to: number;
}

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const pluginState = ySyncPluginKey.getState(state) as
    { binding?: ProsemirrorBinding } | undefined;
  return pluginState?.binding ?? null;
}

/** The anchor of a ProseMirror range: Yjs relative positions, so it survives concurrent edits. */
export function anchorFromRange(state: EditorState, range: TextRange): CommentAnchor | null {
  const binding = bindingOf(state);
  if (!binding || range.from >= range.to) return null;
  try {
    const start = absolutePositionToRelativePosition(range.from, binding.type, binding.mapping);
    const end = absolutePositionToRelativePosition(range.to, binding.type, binding.mapping);
    return { start: encodeRelativePosition(start), end: encodeRelativePosition(end) };
  } catch {
    return null;
  }
}

/**
 * The current ProseMirror range of an anchor, or null when it is detached: its text was deleted,
 * the encoding is broken, or it belongs to another document. Never throws.
 */
export function rangeFromAnchor(state: EditorState, anchor: CommentAnchor): TextRange | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const start = decodeRelativePosition(anchor.start);
  const end = decodeRelativePosition(anchor.end);
  if (!start || !end) return null;
  try {
    const from = relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      start,
      binding.mapping,
    );
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping);
    if (from === null || to === null || from >= to) return null;
    const size = state.doc.content.size;
    if (from < 0 || to > size) return null;
    return { from, to };
  } catch {
    return null;
  }
}
