import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { MentionablesDto } from '@coalesce/protocol';
import { renderCaret } from './caretRender';
import type { CaretUser } from './caretRender';
import { CommentHighlights } from './commentHighlights';
import { contentExtensions } from './contentExtensions';
import { EditorShortcuts } from './editorShortcuts';
import { mentionSuggestion } from './mentionSuggestion';
import type { MentionSuggestionStore } from './mentionSuggestionStore';

/** The Yjs fragment TipTap edits; the API's templates and Markdown export read the same one. */
export const DOC_FRAGMENT = 'default';

export interface CollaborativeExtensionsOptions {
  doc: Y.Doc;
  awareness: Awareness;
  user: CaretUser;
  suggestionStore: MentionSuggestionStore;
  getMentionables: () => MentionablesDto | undefined;
  onActivateThread: (threadId: string) => void;
  onLink: () => void;
}

/** The live editor: the document schema bound to the DocHandle's Y.Doc and awareness. */
export function collaborativeExtensions(options: CollaborativeExtensionsOptions): AnyExtension[] {
  return [
    ...contentExtensions(mentionSuggestion(options.suggestionStore, options.getMentionables)),
    Collaboration.configure({ document: options.doc, field: DOC_FRAGMENT }),
    // CollaborationCaret only needs `provider.awareness`: the DocHandle's, sent over our socket.
    CollaborationCaret.configure({
      provider: { awareness: options.awareness },
      user: { ...options.user },
      render: renderCaret,
    }),
    Placeholder.configure({ placeholder: 'Start writing the plan…' }),
    CharacterCount,
    CommentHighlights.configure({ onActivate: options.onActivateThread }),
    EditorShortcuts.configure({ onLink: options.onLink }),
  ];
}
