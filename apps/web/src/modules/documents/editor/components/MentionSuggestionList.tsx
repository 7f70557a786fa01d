import { useSyncExternalStore } from 'react';
import { Badge, Group, Paper, Portal, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MentionSuggestionStore } from '../extensions/mentionSuggestionStore';

/** The `@` list of the editor, under the typed query. */
export function MentionSuggestionList({ store }: { store: MentionSuggestionStore }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  if (!state || !state.rect) return null;
  const { items, selected, rect, choose } = state;
  return (
    <Portal>
      <Paper
        shadow="md"
        withBorder
        p={4}
        w={300}
        style={{ position: 'fixed', top: rect.bottom + 4, left: rect.left, zIndex: 400 }}
        data-testid="mention-suggestions"
      >
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            Nobody matches
          </Text>
        ) : (
          <Stack gap={2} role="listbox" aria-label="People and organizations">
            {items.map((item, index) => (
              <UnstyledButton
                key={`${item.kind}:${item.id}`}
                role="option"
                aria-selected={index === selected}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(item);
                }}
                px="xs"
                py={6}
                style={{
                  borderRadius: 4,
                  background: index === selected ? 'var(--mantine-color-blue-0)' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>
                    {item.label}
                  </Text>
                  {item.kind === 'user' ? (
                    <Text size="xs" c="dimmed" truncate>
                      {item.detail}
                    </Text>
                  ) : (
                    <Badge size="xs" variant="light" color="grape">
                      Organization
                    </Badge>
                  )}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Paper>
    </Portal>
  );
}
