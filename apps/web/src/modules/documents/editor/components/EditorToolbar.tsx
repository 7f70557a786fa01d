import { Button, Divider, Group } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListCheck,
  IconListNumbers,
  IconMessagePlus,
  IconStrikethrough,
  IconColumnInsertRight,
  IconRowInsertBottom,
  IconTableOff,
  IconTablePlus,
} from '@tabler/icons-react';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { shortcutLabel } from '../utils/shortcutLabel';
import { ToolbarButton } from './ToolbarButton';

interface EditorToolbarProps {
  editor: Editor;
  canEdit: boolean;
  canComment: boolean;
  onComment: () => void;
  onLink: () => void;
}

/** Formatting for editors; the Comment button for editors and commenters. */
export function EditorToolbar({
  editor,
  canEdit,
  canComment,
  onComment,
  onLink,
}: EditorToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      hasSelection: !e.state.selection.empty,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <Group gap={4} px="sm" py={6} wrap="wrap" data-testid="editor-toolbar">
      {canEdit && (
        <>
          <ToolbarButton
            label="Undo"
            shortcut={shortcutLabel('Mod-Z')}
            disabled={!state.canUndo}
            onClick={() => chain().undo().run()}
          >
            <IconArrowBackUp size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Redo"
            shortcut={shortcutLabel('Mod-Shift-Z')}
            disabled={!state.canRedo}
            onClick={() => chain().redo().run()}
          >
            <IconArrowForwardUp size={18} />
          </ToolbarButton>
          <Divider orientation="vertical" />
          <ToolbarButton
            label="Heading 1"
            shortcut={shortcutLabel('Mod-Alt-1')}
            active={state.h1}
            onClick={() => chain().toggleHeading({ level: 1 }).run()}
          >
            <IconH1 size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Heading 2"
            shortcut={shortcutLabel('Mod-Alt-2')}
            active={state.h2}
            onClick={() => chain().toggleHeading({ level: 2 }).run()}
          >
            <IconH2 size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Heading 3"
            shortcut={shortcutLabel('Mod-Alt-3')}
            active={state.h3}
            onClick={() => chain().toggleHeading({ level: 3 }).run()}
          >
            <IconH3 size={18} />
          </ToolbarButton>
          <Divider orientation="vertical" />
          <ToolbarButton
            label="Bold"
            shortcut={shortcutLabel('Mod-B')}
            active={state.bold}
            onClick={() => chain().toggleBold().run()}
          >
            <IconBold size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Italic"
            shortcut={shortcutLabel('Mod-I')}
            active={state.italic}
            onClick={() => chain().toggleItalic().run()}
          >
            <IconItalic size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Strikethrough"
            shortcut={shortcutLabel('Mod-Shift-S')}
            active={state.strike}
            onClick={() => chain().toggleStrike().run()}
          >
            <IconStrikethrough size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Link"
            shortcut={shortcutLabel('Mod-K')}
            active={state.link}
            onClick={onLink}
          >
            <IconLink size={18} />
          </ToolbarButton>
          <Divider orientation="vertical" />
          <ToolbarButton
            label="Bulleted list"
            shortcut={shortcutLabel('Mod-Shift-8')}
            active={state.bulletList}
            onClick={() => chain().toggleBulletList().run()}
          >
            <IconList size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Numbered list"
            shortcut={shortcutLabel('Mod-Shift-7')}
            active={state.orderedList}
            onClick={() => chain().toggleOrderedList().run()}
          >
            <IconListNumbers size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Checklist"
            shortcut={shortcutLabel('Mod-Shift-9')}
            active={state.taskList}
            onClick={() => chain().toggleTaskList().run()}
          >
            <IconListCheck size={18} />
          </ToolbarButton>
          <ToolbarButton
            label="Insert table"
            disabled={state.inTable}
            onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          >
            <IconTablePlus size={18} />
          </ToolbarButton>
          {state.inTable && (
            <>
              <ToolbarButton label="Add row" onClick={() => chain().addRowAfter().run()}>
                <IconRowInsertBottom size={18} />
              </ToolbarButton>
              <ToolbarButton label="Add column" onClick={() => chain().addColumnAfter().run()}>
                <IconColumnInsertRight size={18} />
              </ToolbarButton>
              <ToolbarButton label="Delete table" onClick={() => chain().deleteTable().run()}>
                <IconTableOff size={18} />
              </ToolbarButton>
            </>
          )}
        </>
      )}
      {canComment && (
        <Button
          ml="auto"
          size="xs"
          variant="light"
          leftSection={<IconMessagePlus size={16} />}
          disabled={!state.hasSelection}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onComment}
          data-testid="comment-button"
          title={`Comment on the selected text (${shortcutLabel('Mod-Alt-M')})`}
        >
          Comment
        </Button>
      )}
    </Group>
  );
}
