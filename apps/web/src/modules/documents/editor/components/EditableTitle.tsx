import { useEffect, useState } from 'react';
import { ActionIcon, Group, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { describeError } from '../../../../ui/describeError';
import { useRenameDocument } from '../hooks/useRenameDocument';

interface EditableTitleProps {
  docId: string;
  title: string;
  canRename: boolean;
}

/** The document title; editors rename it in place (Enter saves, Escape cancels). */
export function EditableTitle({ docId, title, canRename }: EditableTitleProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(title);
  const rename = useRenameDocument(docId);

  useEffect(() => {
    if (!editing) setValue(title);
  }, [title, editing]);

  const save = async () => {
    const next = value.trim();
    if (!next || next === title) {
      setEditing(false);
      setValue(title);
      return;
    }
    try {
      await rename.mutateAsync(next);
      setEditing(false);
    } catch {
      // The error stays under the field.
    }
  };

  if (editing) {
    return (
      <TextInput
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
          if (event.key === 'Escape') {
            rename.reset();
            setValue(title);
            setEditing(false);
          }
        }}
        maxLength={200}
        size="md"
        aria-label="Document title"
        data-testid="doc-title-input"
        error={rename.error ? describeError(rename.error).message : undefined}
        disabled={rename.isPending}
        autoFocus
        style={{ flex: 1, minWidth: 240 }}
      />
    );
  }
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
      <Title order={1} size="h3" data-testid="doc-title" style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      {canRename && (
        <Tooltip label="Rename" withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Rename"
            onClick={() => setEditing(true)}
          >
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
