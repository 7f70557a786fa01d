import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconLogout2 } from '@tabler/icons-react';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { SectionCard } from '../../../ui/SectionCard';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useRevokeOtherSessions } from '../hooks/useSessionMutations';
import { useSessions } from '../hooks/useSessions';
import { SessionsTable } from './SessionsTable';

export function SessionsSection() {
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <SectionCard
      title="Where you are signed in"
      description="If you see a device you do not recognise, end its session and change your password."
      actions={
        others > 0 && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconLogout2 size={16} />}
            onClick={() => setConfirming(true)}
          >
            End all other sessions
          </Button>
        )
      }
    >
      {sessions.isPending ? (
        <TableSkeleton rows={2} label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : (
        <SessionsTable sessions={sessions.data} />
      )}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="End all other sessions"
        confirmLabel="End other sessions"
        onConfirm={async () => {
          const { revoked } = await revokeOthers.mutateAsync();
          notifySuccess(
            revoked === 1
              ? 'One other session was ended.'
              : `${revoked} other sessions were ended.`,
          );
        }}
      >
        {`Every other device (${others}) is signed out at once. This device stays signed in.`}
      </ConfirmModal>
    </SectionCard>
  );
}
