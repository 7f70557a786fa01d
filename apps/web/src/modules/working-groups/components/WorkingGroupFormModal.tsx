import { Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { workingGroupCreateSchema } from '@coalesce/protocol';
import type { CoalitionMemberDto, WorkingGroupDto } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useCreateWorkingGroup, useUpdateWorkingGroup } from '../hooks/useWorkingGroupMutations';

const FIELDS = ['name', 'description', 'organizationIds'] as const;

interface Props {
  coalitionId: string;
  members: CoalitionMemberDto[];
  /** The group to edit; null to create one. */
  group: WorkingGroupDto | null;
  opened: boolean;
  onClose: () => void;
}

export function WorkingGroupFormModal(props: Props) {
  const title = props.group ? `Edit ${props.group.name}` : 'New working group';
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} centered size="lg">
      {props.opened && <WorkingGroupForm {...props} />}
    </Modal>
  );
}

interface Values {
  name: string;
  description: string;
  organizationIds: string[];
}

const toInput = (values: Values) => ({
  name: values.name,
  description: values.description.trim() || null,
  organizationIds: values.organizationIds,
});

function WorkingGroupForm({ coalitionId, members, group, onClose }: Props) {
  const create = useCreateWorkingGroup(coalitionId);
  const update = useUpdateWorkingGroup(coalitionId);
  const form = useForm<Values>({
    initialValues: {
      name: group?.name ?? '',
      description: group?.description ?? '',
      organizationIds: group?.organizations.map((o) => o.id) ?? [],
    },
    validate: (values) => {
      const result = workingGroupCreateSchema.safeParse(toInput(values));
      return result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const options = members
    .map((m) => ({ value: m.organization.id, label: m.organization.name }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = handle(async (values) => {
    if (group) {
      await update.mutateAsync({ groupId: group.id, input: toInput(values) });
      notifySuccess(`${values.name} was updated.`);
    } else {
      await create.mutateAsync(toInput(values));
      notifySuccess(`Working group ${values.name} was created.`);
    }
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the group works on."
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label="Member organizations"
          description="Organizations of the coalition that take part in this group."
          placeholder="Choose organizations"
          data={options}
          searchable
          clearable
          nothingFoundMessage="No member organization matches"
          {...form.getInputProps('organizationIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            {group ? 'Save changes' : 'Create working group'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
