import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CommentThreadDto, MentionablesDto } from '@coalesce/protocol';
import { renderWithProviders } from '../../../../test/renderWithProviders';
import { CommentThreadCard } from './CommentThreadCard';

const thread: CommentThreadDto = {
  id: 't1',
  documentId: 'd1',
  anchor: { start: 'AAAA', end: 'AAAA' },
  quote: 'trace cotton to the gin',
  status: 'open',
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-11-29T07:00:00.000Z',
  comments: [
    {
      id: 'c1',
      threadId: 't1',
      author: { id: 'u1', name: 'Maya Ortiz', organizationId: 'o1', organizationName: 'Polaris' },
      body: 'Can @Rosa Delgado confirm the gin list?',
      mentions: [{ kind: 'user', id: 'u2', name: 'Rosa Delgado' }],
      createdAt: '2026-11-29T07:00:00.000Z',
    },
  ],
};

const mentionables: MentionablesDto = {
  people: [
    { id: 'u2', name: 'Rosa Delgado', organizationId: 'o2', organizationName: 'Gulf Coast' },
  ],
  organizations: [{ id: 'o3', name: 'Cotton Monitors Network' }],
};

function renderCard(props: Partial<Parameters<typeof CommentThreadCard>[0]> = {}) {
  const onReply = jest.fn(async (_input: unknown) => undefined);
  const onSetStatus = jest.fn(async (_status: 'open' | 'resolved') => undefined);
  const onSelect = jest.fn();
  renderWithProviders(
    <CommentThreadCard
      thread={thread}
      detached={false}
      active={false}
      canComment
      mentionables={mentionables}
      onSelect={onSelect}
      onReply={onReply}
      onSetStatus={onSetStatus}
      {...props}
    />,
  );
  return { onReply, onSetStatus, onSelect };
}

describe('CommentThreadCard', () => {
  it('shows the quote, the comment with its mention, and selects the range on click', () => {
    const { onSelect } = renderCard();
    expect(screen.getByText('Maya Ortiz')).toBeTruthy();
    expect(screen.getByText('@Rosa Delgado').className).toContain('doc-mention');
    fireEvent.click(screen.getByText('“trace cotton to the gin”'));
    expect(onSelect).toHaveBeenCalled();
    expect(screen.queryByTestId('comment-detached')).toBeNull();
  });

  it('marks a thread whose text was deleted as detached, and does not select it', () => {
    const { onSelect } = renderCard({ detached: true });
    expect(screen.getByTestId('comment-detached').textContent).toBe('detached');
    fireEvent.click(screen.getByText('“trace cotton to the gin”'));
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('replies with the mentions picked from the @ list', async () => {
    const { onReply } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    const input = screen.getByTestId('comment-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'Thanks @cot', selectionStart: 11 } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Cotton Monitors Network/ }));
    expect(input.value).toBe('Thanks @Cotton Monitors Network ');
    fireEvent.click(screen.getByTestId('comment-submit'));
    await waitFor(() =>
      expect(onReply).toHaveBeenCalledWith({
        body: 'Thanks @Cotton Monitors Network',
        mentions: [{ kind: 'organization', id: 'o3' }],
      }),
    );
  });

  it('resolves an open thread', async () => {
    const { onSetStatus } = renderCard();
    fireEvent.click(screen.getByTestId('comment-resolve'));
    await waitFor(() => expect(onSetStatus).toHaveBeenCalledWith('resolved'));
  });

  it('offers no reply or resolve to viewers', () => {
    renderCard({ canComment: false });
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(screen.queryByTestId('comment-resolve')).toBeNull();
  });
});
