import { useState } from 'react';
import { Button, List, Radio, Stack, Text } from '@mantine/core';
import type { LeaveContributions } from '@coalesce/protocol';
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
  const [contributions, setContributions] = useState<LeaveContributions>('keep');
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
        onClose={() => {
          setOpened(false);
          setContributions('keep');
        }}
        title={`Leave ${coalitionName}?`}
        confirmLabel="Leave coalition"
        onConfirm={async () => {
          await leave.mutateAsync(contributions);
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
            <List.Item>
              Documents, case maps and tasks your organization owns stay in the coalition as they
              are.
            </List.Item>
          </List>
          <Radio.Group
            label="What your people wrote in other organizations' documents"
            value={contributions}
            onChange={(value) => setContributions(value as LeaveContributions)}
          >
            <Stack gap="xs" mt={6}>
              <Radio
                value="keep"
                label="Keep it"
                description="Your text, map nodes and comments stay where they are, for the coalition to use."
              />
              <Radio
                value="replace-with-placeholders"
                label="Replace it with placeholders"
                description={`Each passage your people typed becomes “[removed: ${organizationName} left the coalition]”, your nodes on shared case maps become empty placeholders, your edges are removed, and your comments are replaced. Also in saved versions. Open editors update at once.`}
              />
            </Stack>
          </Radio.Group>
        </Stack>
      </ConfirmModal>
    </>
  );
}
