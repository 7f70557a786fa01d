import { Avatar, Tooltip } from '@mantine/core';
import type { CaretUser } from '../extensions/caretRender';
import { caretLabel } from '../extensions/caretRender';
import { initials } from '../utils/userColor';

const SHOWN = 6;

/** Everyone in the document, in their caret colors. */
export function PresenceAvatars({ users, selfId }: { users: CaretUser[]; selfId: string }) {
  const sorted = [...users].sort((a, b) => Number(b.id === selfId) - Number(a.id === selfId));
  const extra = sorted.length - SHOWN;
  return (
    <Tooltip.Group openDelay={200} closeDelay={100}>
      <Avatar.Group spacing="sm" data-testid="doc-presence" aria-label="People in this document">
        {sorted.slice(0, SHOWN).map((user) => (
          <Tooltip
            key={user.id}
            label={user.id === selfId ? `${caretLabel(user)} (you)` : caretLabel(user)}
            withArrow
          >
            <Avatar
              radius="xl"
              size="md"
              variant="filled"
              color={user.color}
              data-user-id={user.id}
              aria-label={caretLabel(user)}
            >
              {initials(user.name)}
            </Avatar>
          </Tooltip>
        ))}
        {extra > 0 && (
          <Tooltip label={sorted.slice(SHOWN).map(caretLabel).join(', ')} withArrow>
            <Avatar radius="xl" size="md">
              +{extra}
            </Avatar>
          </Tooltip>
        )}
      </Avatar.Group>
    </Tooltip.Group>
  );
}
