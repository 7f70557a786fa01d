import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { coalitionCreateSchema } from '@coalesce/protocol';
import type { CoalitionDto } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useCreateCoalition } from '../hooks/useCoalitionMutations';

const FIELDS = ['name', 'description'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (coalition: CoalitionDto) => void;
}

export function CreateCoalitionModal({ opened, onClose, onCreated }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create a coalition" centered size="lg">
      {opened && <CreateCoalitionForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateCoalitionForm(props: { onCancel: () => void; onCreated: Props['onCreated'] }) {
  const create = useCreateCoalition();
  const form = useForm({
    initialValues: { name: '', description: '' },
    validate: schemaResolver(coalitionCreateSchema, { sync: true }),
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    const coalition = await create.mutateAsync({
      name: values.name,
      description: values.description.trim() || null,
    });
    notifySuccess(`${coalition.name} was created. Invite member organizations next.`);
    props.onCreated(coalition);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Your organization becomes the coalition&apos;s coordinator: its administrators invite
          other organizations and manage membership.
        </Text>
        <FormError error={error} />
        <TextInput label="Coalition name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create coalition
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
