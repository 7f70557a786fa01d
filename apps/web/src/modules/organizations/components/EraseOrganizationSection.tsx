import { useState } from 'react';
import { Button, List, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { FormError } from '../../../ui/FormError';
import { useAuth } from '../../auth/hooks/useAuth';
import { useEraseOrganization } from '../hooks/useOrgExports';

interface Props {
  organizationId: string;
  organizationName: string;
}

/** The danger zone: erasing the organization, confirmed by typing its name. */
export function EraseOrganizationSection({ organizationId, organizationName }: Props) {
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const erase = useEraseOrganization(organizationId);
  const { signOut } = useAuth();
  const matches = typed.trim() === organizationName.trim();

  const close = () => {
    if (erase.isPending) return;
    setOpened(false);
    setTyped('');
    erase.reset();
  };

  return (
    <Paper withBorder radius="md" p="lg" style={{ borderColor: 'var(--mantine-color-red-5)' }}>
      <Stack gap="sm">
        <Title order={2} size="h4" c="red">
          Danger zone
        </Title>
        <Text size="sm">
          Erasing {organizationName} deletes its data from Coalesce for good. Export your data first
          if you want to keep a copy.
        </Text>
        <div>
          <Button
            color="red"
            variant="outline"
            leftSection={<IconTrash size={16} />}
            onClick={() => setOpened(true)}
          >
            Erase our organization…
          </Button>
        </div>
      </Stack>
      <Modal opened={opened} onClose={close} title={`Erase ${organizationName}?`} centered>
        <Stack gap="md">
          <List size="sm" spacing={4}>
            <List.Item>
              Your organization leaves every coalition, and everyone in it is signed out and
              disabled at once — you too.
            </List.Item>
            <List.Item>
              Documents and case maps it owns are deleted with their history and comments; its
              tasks, bill positions and meetings are deleted.
            </List.Item>
            <List.Item>
              What your people wrote in other organizations&apos; documents, and their comments
              there, is replaced by “[removed: content of an erased organization]”.
            </List.Item>
            <List.Item>
              Names and email addresses of your people are removed. The audit log keeps its entries
              (it cannot be changed) and records the erasure.
            </List.Item>
          </List>
          <Text size="sm" fw={600}>
            This cannot be undone.
          </Text>
          <TextInput
            label={`Type ${organizationName} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <FormError error={erase.error} />
          <Button
            color="red"
            disabled={!matches}
            loading={erase.isPending}
            onClick={() =>
              erase.mutate(typed, {
                onSuccess: () => {
                  void signOut();
                },
              })
            }
          >
            Erase {organizationName}
          </Button>
        </Stack>
      </Modal>
    </Paper>
  );
}
