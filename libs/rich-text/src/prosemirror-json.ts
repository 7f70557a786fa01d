/**
 * A ProseMirror document as JSON (`editor.getJSON()` in TipTap): the shape templates are written in
 * and the shape this library reads a Yjs document back into.
 */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  /** Only on text nodes. */
  text?: string;
  marks?: PmMark[];
}

/** The XML fragment TipTap's Collaboration extension binds to (its `field` option, default "default"). */
export const DEFAULT_FIELD = 'default';
