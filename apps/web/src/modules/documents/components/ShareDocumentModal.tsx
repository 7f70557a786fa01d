import { Modal, Text } from '@mantine/core';
import type { DocumentDto } from '@coalesce/protocol';

interface ShareDocumentModalProps {
  document: DocumentDto;
  opened: boolean;
  onClose: () => void;
}

/** Placeholder: the sharing modal is built separately and replaces this file. */
export function ShareDocumentModal({ document, opened, onClose }: ShareDocumentModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Share “${document.title}”`} centered>
      <Text size="sm" c="dimmed">
        Sharing settings are coming soon.
      </Text>
    </Modal>
  );
}
