import { useState } from 'react';
import { Avatar, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconRestore } from '@tabler/icons-react';
import type { CommentThreadDto, Mention, MentionablesDto } from '@coalesce/protocol';
import { formatDateTime, formatRelative } from '../../../../lib/formatDate';
import { initials, userColor } from '../utils/userColor';
import { CommentBody } from './CommentBody';
import { CommentComposer } from './CommentComposer';

interface CommentThreadCardProps {
  thread: CommentThreadDto;
  /** The commented text was deleted: nothing to select in the document. */
  detached: boolean;
  active: boolean;
  canComment: boolean;
  mentionables: MentionablesDto | undefined;
  onSelect: () => void;
  onReply: (input: { body: string; mentions: Mention[] }) => Promise<unknown>;
  onSetStatus: (status: 'open' | 'resolved') => Promise<unknown>;
}

/** One thread: the quoted text, the comments, a reply box, resolve or reopen. */
export function CommentThreadCard(props: CommentThreadCardProps) {
  const { thread, detached, active, canComment, mentionables } = props;
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const resolved = thread.status === 'resolved';

  const setStatus = async (status: 'open' | 'resolved') => {
    setBusy(true);
    try {
      await props.onSetStatus(status);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-detached={detached || undefined}
      style={{
        borderColor: active ? 'var(--mantine-color-yellow-6)' : undefined,
        opacity: resolved ? 0.8 : 1,
      }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text
            size="xs"
            c="dimmed"
            fs="italic"
            lineClamp={2}
            style={{ cursor: detached ? 'default' : 'pointer', flex: 1 }}
            onClick={detached ? undefined : props.onSelect}
            title={detached ? undefined : 'Show in the document'}
          >
            “{thread.quote || '…'}”
          </Text>
          {detached && (
            <Tooltip label="The commented text was deleted" withArrow>
              <Badge size="xs" color="gray" variant="light" data-testid="comment-detached">
                detached
              </Badge>
            </Tooltip>
          )}
          {resolved && (
            <Badge size="xs" color="teal" variant="light">
              Resolved
            </Badge>
          )}
        </Group>
        {thread.comments.map((comment) => (
          <Group key={comment.id} align="flex-start" gap="xs" wrap="nowrap" data-testid="comment">
            <Avatar size="sm" radius="xl" color={userColor(comment.author.id)} variant="filled">
              {initials(comment.author.name)}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {comment.author.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {comment.author.organizationName}
                </Text>
                <Tooltip label={formatDateTime(comment.createdAt)} withArrow>
                  <Text size="xs" c="dimmed">
                    · {formatRelative(comment.createdAt)}
                  </Text>
                </Tooltip>
              </Group>
              <CommentBody comment={comment} />
            </Stack>
          </Group>
        ))}
        {resolved && thread.resolvedBy && (
          <Text size="xs" c="dimmed">
            Resolved by {thread.resolvedBy.name}
            {thread.resolvedAt ? ` · ${formatRelative(thread.resolvedAt)}` : ''}
          </Text>
        )}
        {canComment && replying && (
          <CommentComposer
            mentionables={mentionables}
            submitLabel="Reply"
            placeholder="Reply… (@ to mention)"
            autoFocus
            onSubmit={async (input) => {
              await props.onReply(input);
              setReplying(false);
            }}
            onCancel={() => setReplying(false)}
          />
        )}
        {canComment && !replying && (
          <Group gap="xs" justify="flex-end">
            {!resolved && (
              <Button size="compact-xs" variant="subtle" onClick={() => setReplying(true)}>
                Reply
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="light"
              color={resolved ? 'gray' : 'teal'}
              leftSection={resolved ? <IconRestore size={14} /> : <IconCheck size={14} />}
              loading={busy}
              onClick={() => void setStatus(resolved ? 'open' : 'resolved')}
              data-testid={resolved ? 'comment-reopen' : 'comment-resolve'}
            >
              {resolved ? 'Reopen' : 'Resolve'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
