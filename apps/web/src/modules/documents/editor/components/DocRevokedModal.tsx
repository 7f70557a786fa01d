import { Button, Group, Modal, Stack, Text } from '@mantine/core';

interface DocRevokedModalProps {
  opened: boolean;
  reason: 'revoked' | 'deleted';
  onLeave: () => void;
}

/** Access was withdrawn or the document deleted: say so, then leave the document. */
export function DocRevokedModal({ opened, reason, onLeave }: DocRevokedModalProps) {
  const title = reason === 'deleted' ? 'This document was deleted' : 'Your access was withdrawn';
  const body =
    reason === 'deleted'
      ? 'Someone deleted this document. It is no longer available.'
      : 'The sharing of this document changed and your organization can no longer open it. Changes you made after that moment were not saved.';
  return (
    <Modal opened={opened} onClose={onLeave} title={title} centered closeOnClickOutside={false}>
      <Stack data-testid="doc-revoked">
        <Text size="sm" data-testid="doc-revoked-message">
          {body}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onLeave} data-autofocus data-testid="doc-revoked-leave">
            Back to documents
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
