import { useRef, useState } from 'react';
import { Badge, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import type { MentionablesDto } from '@coalesce/protocol';
import { filterMentionables } from '../utils/mentionItems';
import type { MentionItem } from '../utils/mentionItems';
import { findMentionQuery, insertMention } from '../utils/mentionQuery';
import type { MentionQuery } from '../utils/mentionQuery';

interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  /** A person or organization picked from the `@` list. */
  onMention: (item: MentionItem) => void;
  mentionables: MentionablesDto | undefined;
  onSubmit: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  label?: string;
}

/** A plain textarea with an `@` autocomplete of people and organizations; Mod-Enter submits. */
export function MentionTextarea(props: MentionTextareaProps) {
  const { value, onChange, onMention, mentionables, onSubmit } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [selected, setSelected] = useState(0);
  const items = query ? filterMentionables(mentionables, query.query, 6) : [];
  const open = query !== null && items.length > 0;

  const track = (text: string, caret: number) => {
    const next = findMentionQuery(text, caret);
    setQuery(next);
    if (next?.query !== query?.query) setSelected(0);
  };

  const choose = (item: MentionItem) => {
    const area = ref.current;
    if (!query || !area) return;
    const caret = area.selectionStart ?? value.length;
    const next = insertMention(value, query, caret, item);
    onChange(next.text);
    onMention(item);
    setQuery(null);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        ref={ref}
        label={props.label}
        value={value}
        placeholder={props.placeholder}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        data-testid="comment-input"
        onChange={(event) => {
          onChange(event.currentTarget.value);
          track(event.currentTarget.value, event.currentTarget.selectionStart ?? 0);
        }}
        onClick={(event) => track(value, event.currentTarget.selectionStart ?? 0)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(event) => {
          if (open) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setSelected((s) => (s + step + items.length) % items.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              choose(items[Math.min(selected, items.length - 1)]);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setQuery(null);
              return;
            }
          }
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
      {open && (
        <Paper
          shadow="md"
          withBorder
          p={4}
          style={{ position: 'absolute', left: 0, right: 0, top: '100%', zIndex: 300 }}
        >
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
                py={4}
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
        </Paper>
      )}
    </div>
  );
}
