import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { MAP_LIMITS } from '@coalesce/domain';

type Identifier = { key: string; value: string };

interface IdentifiersFieldProps {
  value: Identifier[];
  readOnly: boolean;
  error?: string;
  /** false: refused (the rows stay as typed, with the error). */
  onCommit(next: Identifier[]): boolean;
}

/** Identifiers such as an IMO number or a registry number: name/value rows, saved on blur. */
export function IdentifiersField({ value, readOnly, error, onCommit }: IdentifiersFieldProps) {
  const [rows, setRows] = useState<Identifier[]>(value);
  const [editing, setEditing] = useState(false);
  const key = JSON.stringify(value);

  useEffect(() => {
    if (!editing) setRows(JSON.parse(key) as Identifier[]);
  }, [key, editing]);

  const commit = (next: Identifier[]) => {
    const cleaned = next.filter((row) => row.key.trim() || row.value.trim());
    if (JSON.stringify(cleaned) === key) return setEditing(false);
    setEditing(!onCommit(cleaned));
  };
  const set = (i: number, patch: Partial<Identifier>) =>
    setRows((current) => current.map((row, j) => (i === j ? { ...row, ...patch } : row)));

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Identifiers
      </Text>
      {rows.length === 0 && readOnly && (
        <Text size="sm" c="dimmed">
          None
        </Text>
      )}
      {rows.map((row, i) => (
        <Group
          key={i}
          gap={6}
          wrap="nowrap"
          onFocus={() => setEditing(true)}
          onBlur={() => commit(rows)}
        >
          <TextInput
            aria-label="Identifier name"
            placeholder="IMO"
            size="xs"
            w={90}
            value={row.key}
            readOnly={readOnly}
            onChange={(e) => set(i, { key: e.currentTarget.value })}
          />
          <TextInput
            aria-label="Identifier value"
            size="xs"
            style={{ flex: 1 }}
            value={row.value}
            readOnly={readOnly}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Remove identifier"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => commit(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      {!readOnly && rows.length < MAP_LIMITS.identifiersMax && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          onClick={() => {
            setEditing(true);
            setRows((current) => [...current, { key: '', value: '' }]);
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          Add identifier
        </Button>
      )}
    </Stack>
  );
}
