import { Text } from '@mantine/core';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';

/** "1,204 words" from the CharacterCount extension. */
export function WordCount({ editor }: { editor: Editor }) {
  const words = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      (e.storage as { characterCount?: { words: () => number } }).characterCount?.words() ?? 0,
  });
  return (
    <Text size="xs" c="dimmed" data-testid="word-count">
      {words.toLocaleString()} {words === 1 ? 'word' : 'words'}
    </Text>
  );
}
