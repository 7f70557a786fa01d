import Mention from '@tiptap/extension-mention';
import type { MentionKind } from '@coalesce/protocol';

/**
 * `mention` nodes with attrs `id`, `label` and `kind` ('user' | 'organization'): the Markdown
 * export and the templates of the API read exactly these names.
 */
export const MentionNode = Mention.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      kind: {
        default: 'user' satisfies MentionKind,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-kind') ?? 'user',
        renderHTML: (attributes: { kind?: string }) => ({ 'data-kind': attributes.kind ?? 'user' }),
      },
    };
  },
});
