import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { SuggestionOptions } from '@tiptap/suggestion';
import { MentionNode } from './mentionNode';

/**
 * The document schema: the same nodes and marks for the live editor, a version preview and the
 * print page (a Yjs document only renders with the schema that wrote it).
 */
export function contentExtensions(
  mentionSuggestion?: Omit<SuggestionOptions, 'editor'>,
): AnyExtension[] {
  return [
    // Collaboration brings its own (Yjs) undo/redo; StarterKit's would fight it.
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    // Rendered as <span data-type="mention" data-id data-label data-kind>@Label</span>.
    MentionNode.configure({
      HTMLAttributes: { class: 'doc-mention' },
      ...(mentionSuggestion ? { suggestion: mentionSuggestion } : {}),
    }),
  ];
}
