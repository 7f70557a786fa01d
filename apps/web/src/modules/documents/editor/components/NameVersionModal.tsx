import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../../../ui/FormError';

interface NameVersionModalProps {
  opened: boolean;
  onClose: () => void;
  onSave: (name: string) => Promise<unknown>;
}

/** "Name current version": keeps this state of the document under a name. */
export function NameVersionModal({ opened, onClose, onSave }: NameVersionModalProps) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    if (busy) return;
    setName('');
    setError(null);
    onClose();
  };

  const save = async () => {
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(name.trim());
      setBusy(false);
      setName('');
      onClose();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Name the current version" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="Draft shared with the coalition"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={120}
            data-autofocus
            data-testid="version-name-input"
          />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={!name.trim()}
              data-testid="version-name-save"
            >
              Save version
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
