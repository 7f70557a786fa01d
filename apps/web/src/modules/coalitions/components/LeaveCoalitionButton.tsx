import { useState } from 'react';
import { Button, List, Stack, Text } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { notifySuccess } from '../../../ui/notify';
import { useLeaveCoalition } from '../hooks/useCoalitionMutations';

interface Props {
  coalitionId: string;
  coalitionName: string;
  organizationName: string;
}

/** Org admins may take their organization out of a coalition. */
export function LeaveCoalitionButton({ coalitionId, coalitionName, organizationName }: Props) {
  const [opened, setOpened] = useState(false);
  const leave = useLeaveCoalition(coalitionId);
  const navigate = useNavigate();

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconDoorExit size={16} />}
        onClick={() => setOpened(true)}
      >
        Leave coalition
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Leave ${coalitionName}?`}
        confirmLabel="Leave coalition"
        onConfirm={async () => {
          await leave.mutateAsync();
          notifySuccess(`${organizationName} left ${coalitionName}.`);
          navigate('/', { replace: true });
        }}
      >
        <Stack gap="xs">
          <Text size="sm">
            {organizationName} will leave <strong>{coalitionName}</strong>.
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Access stops at once for everyone in your organization.</List.Item>
            <List.Item>Only a new invitation from a coordinator can bring you back.</List.Item>
            <List.Item>The coalition&apos;s audit log keeps a record that you left.</List.Item>
          </List>
        </Stack>
      </ConfirmModal>
    </>
  );
}
