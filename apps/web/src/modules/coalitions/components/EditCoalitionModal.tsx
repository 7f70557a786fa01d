import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { coalitionUpdateSchema } from '@coalesce/protocol';
import type { CoalitionDto } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useUpdateCoalition } from '../hooks/useCoalitionMutations';

const FIELDS = ['name', 'description'] as const;

interface Props {
  coalition: CoalitionDto;
  opened: boolean;
  onClose: () => void;
}

export function EditCoalitionModal({ coalition, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit coalition" centered size="lg">
      {opened && <EditCoalitionForm coalition={coalition} onDone={onClose} />}
    </Modal>
  );
}

function EditCoalitionForm({ coalition, onDone }: { coalition: CoalitionDto; onDone: () => void }) {
  const update = useUpdateCoalition(coalition.id);
  const form = useForm({
    initialValues: { name: coalition.name, description: coalition.description ?? '' },
    validate: schemaResolver(coalitionUpdateSchema, { sync: true }),
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    await update.mutateAsync({
      name: values.name,
      description: values.description.trim() || null,
    });
    notifySuccess('The coalition was updated.');
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="Purpose and scope, visible to every member organization."
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
