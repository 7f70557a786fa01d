import { useEffect } from 'react';
import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, Outlet, useParams } from 'react-router';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { rememberCoalition } from '../modules/coalitions/hooks/lastCoalition';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** `/c/:coalitionId/*`: only coalitions of the user's organization; remembers the choice. */
export function CoalitionRoute() {
  const { coalitionId } = useParams();
  const me = useCurrentUser();
  const known = me.coalitions.some((c) => c.id === coalitionId);

  useEffect(() => {
    if (known && coalitionId) rememberCoalition(me.id, coalitionId);
  }, [known, coalitionId, me.id]);

  return known ? <Outlet /> : <CoalitionUnavailable />;
}

function CoalitionUnavailable() {
  useDocumentTitle('Coalition not available');
  return (
    <EmptyState
      py={80}
      icon={<IconLock />}
      withIndicatorBackground
      title="Coalition not available"
      description="It does not exist, or your organization is not (or no longer) a member."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          Go to your workspace
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
