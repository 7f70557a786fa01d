import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Editor } from '@tiptap/react';

interface LinkModalProps {
  editor: Editor | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds, changes or removes the link of the selection (Mod-K). */
export function LinkModal({ editor, opened, onClose }: LinkModalProps) {
  const [href, setHref] = useState('');
  useEffect(() => {
    if (opened && editor) setHref((editor.getAttributes('link').href as string | undefined) ?? '');
  }, [opened, editor]);

  const apply = () => {
    if (!editor) return;
    const value = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (value) chain.setLink({ href: value }).run();
    else chain.unsetLink().run();
    onClose();
  };

  const remove = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Link" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <Stack>
          <TextInput
            label="Address"
            placeholder="https://www.congress.gov/…"
            value={href}
            onChange={(event) => setHref(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="space-between">
            <Button variant="subtle" color="red" onClick={remove}>
              Remove link
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Apply</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
