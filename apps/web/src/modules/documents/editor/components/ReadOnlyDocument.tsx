import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { DOC_FRAGMENT } from '../extensions/collaborativeExtensions';
import { contentExtensions } from '../extensions/contentExtensions';

/** A Yjs document rendered with the document schema, not editable (version preview, print). */
export function ReadOnlyDocument({ doc, className }: { doc: Y.Doc; className?: string }) {
  const editor = useEditor(
    {
      extensions: [
        ...contentExtensions(),
        Collaboration.configure({ document: doc, field: DOC_FRAGMENT }),
      ],
      editable: false,
    },
    [doc],
  );
  return (
    <EditorContent
      editor={editor}
      className={className ?? 'doc-editor'}
      data-testid="read-only-document"
    />
  );
}
