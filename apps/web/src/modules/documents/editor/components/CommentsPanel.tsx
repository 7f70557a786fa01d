import { useEffect, useRef, useState } from 'react';
import { Button, Collapse, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import type { CommentAnchor, MentionablesDto } from '@coalesce/protocol';
import { ErrorState } from '../../../../ui/ErrorState';
import { notifyError } from '../../../../ui/notify';
import { setCommentHighlights } from '../extensions/commentHighlights';
import {
  useCommentThreads,
  useCreateThread,
  useReplyToThread,
  useSetThreadStatus,
} from '../hooks/useComments';
import { useThreadRanges } from '../hooks/useThreadRanges';
import { CommentComposer } from './CommentComposer';
import { CommentThreadCard } from './CommentThreadCard';

export interface CommentDraft {
  anchor: CommentAnchor;
  quote: string;
}

interface CommentsPanelProps {
  docId: string;
  editor: Editor | null;
  canComment: boolean;
  mentionables: MentionablesDto | undefined;
  draft: CommentDraft | null;
  onDraftDone: () => void;
  activeThreadId: string | null;
  onActivate: (threadId: string | null) => void;
}

/** The threads of the document: open ones first (in document order), resolved ones folded. */
export function CommentsPanel(props: CommentsPanelProps) {
  const { docId, editor, canComment, mentionables, draft, activeThreadId, onActivate } = props;
  const threads = useCommentThreads(docId);
  const create = useCreateThread(docId);
  const reply = useReplyToThread(docId);
  const setStatus = useSetThreadStatus(docId);
  const [showResolved, setShowResolved] = useState(false);
  const list = threads.data ?? [];
  const ranges = useThreadRanges(editor, list);

  const open = list
    .filter((t) => t.status === 'open')
    .sort((a, b) => position(ranges.get(a.id)) - position(ranges.get(b.id)));
  const resolved = list.filter((t) => t.status === 'resolved');

  // The editor highlights the open threads' ranges (again when that set or the active one changes).
  const highlightKey = open.map((t) => `${t.id}:${t.anchor.start}:${t.anchor.end}`).join(',');
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const highlighted = openRef.current.map((t) => ({ id: t.id, anchor: t.anchor }));
    editor.view.dispatch(
      setCommentHighlights(editor.state.tr, { threads: highlighted, activeId: activeThreadId }),
    );
  }, [editor, activeThreadId, highlightKey]);

  const select = (threadId: string) => {
    onActivate(threadId);
    const range = ranges.get(threadId);
    if (!editor || !range) return;
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const renderThread = (thread: (typeof list)[number]) => (
    <CommentThreadCard
      key={thread.id}
      thread={thread}
      detached={editor !== null && ranges.has(thread.id) && ranges.get(thread.id) === null}
      active={thread.id === activeThreadId}
      canComment={canComment}
      mentionables={mentionables}
      onSelect={() => select(thread.id)}
      onReply={(input) => reply.mutateAsync({ threadId: thread.id, input })}
      onSetStatus={(status) =>
        setStatus.mutateAsync({ threadId: thread.id, status }).catch((error: unknown) => {
          notifyError(error);
        })
      }
    />
  );

  return (
    <Stack gap="sm" data-testid="comments-panel" h="100%">
      {draft && canComment && (
        <Paper withBorder p="sm" radius="md" bg="yellow.0" data-testid="comment-draft">
          <Stack gap="xs">
            <Text size="xs" c="dimmed" fs="italic" lineClamp={3}>
              “{draft.quote}”
            </Text>
            <CommentComposer
              mentionables={mentionables}
              submitLabel="Comment"
              autoFocus
              onSubmit={async ({ body, mentions }) => {
                const thread = await create.mutateAsync({
                  anchor: draft.anchor,
                  quote: draft.quote,
                  body,
                  mentions,
                });
                props.onDraftDone();
                onActivate(thread?.id ?? null);
              }}
              onCancel={props.onDraftDone}
            />
          </Stack>
        </Paper>
      )}
      {threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => threads.refetch()} />
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 260px)" offsetScrollbars>
          <Stack gap="sm">
            {!threads.isPending && list.length === 0 && !draft && (
              <Text size="sm" c="dimmed">
                No comments yet.{canComment ? ' Select text and press Comment.' : ''}
              </Text>
            )}
            {open.map(renderThread)}
            {resolved.length > 0 && (
              <>
                <Group>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="gray"
                    rightSection={
                      <IconChevronDown
                        size={14}
                        style={{ transform: showResolved ? 'rotate(180deg)' : undefined }}
                      />
                    }
                    onClick={() => setShowResolved((v) => !v)}
                    data-testid="comments-resolved-toggle"
                  >
                    Resolved ({resolved.length})
                  </Button>
                </Group>
                <Collapse expanded={showResolved}>
                  <Stack gap="sm">{resolved.map(renderThread)}</Stack>
                </Collapse>
              </>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** Detached threads last. */
function position(range: { from: number } | null | undefined): number {
  return range ? range.from : Number.MAX_SAFE_INTEGER;
}
