import { useEffect, useMemo, useRef } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import type { DocHandle } from '@coalesce/collab-client';
import type { MentionablesDto } from '@coalesce/protocol';
import type { CaretUser } from '../extensions/caretRender';
import { collaborativeExtensions } from '../extensions/collaborativeExtensions';
import { createMentionSuggestionStore } from '../extensions/mentionSuggestionStore';
import { isPasteTooLarge } from '../utils/pasteSize';
import { MentionSuggestionList } from './MentionSuggestionList';

interface DocumentEditorProps {
  handle: DocHandle;
  user: CaretUser;
  editable: boolean;
  mentionables: MentionablesDto | undefined;
  onReady: (editor: Editor | null) => void;
  onActivateThread: (threadId: string) => void;
  onLink: () => void;
  onPasteTooLarge: () => void;
}

/** TipTap bound to the DocHandle's Y.Doc (content) and awareness (carets, presence). */
export function DocumentEditor(props: DocumentEditorProps) {
  const { handle, user, editable, mentionables, onReady } = props;
  // The extensions are built once per handle; callbacks and data are read through refs.
  const latest = useRef(props);
  latest.current = props;
  const store = useMemo(createMentionSuggestionStore, []);

  const editor = useEditor(
    {
      extensions: collaborativeExtensions({
        doc: handle.doc,
        awareness: handle.awareness,
        user,
        suggestionStore: store,
        getMentionables: () => latest.current.mentionables,
        onActivateThread: (id) => latest.current.onActivateThread(id),
        onLink: () => latest.current.onLink(),
      }),
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { 'aria-label': 'Document text', spellcheck: 'true' },
        handlePaste: (_view, event) => {
          if (!isPasteTooLarge(event.clipboardData)) return false;
          latest.current.onPasteTooLarge();
          return true;
        },
      },
    },
    [handle],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  return (
    <>
      <EditorContent editor={editor} className="doc-editor" data-testid="editor" />
      {mentionables && <MentionSuggestionList store={store} />}
    </>
  );
}
