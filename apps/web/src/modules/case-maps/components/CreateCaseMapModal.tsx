import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import type { DocPermission } from '@coalesce/domain';
import { documentCreateSchema } from '@coalesce/protocol';
import type { WorkingGroupDto } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { PERMISSION_LABELS } from '../../documents/components/documentLabels';
import { useCreateDocument } from '../../documents/hooks/useDocumentMutations';

const FIELDS = ['title', 'workingGroupId', 'coalitionPermission'] as const;
const ONLY_MY_ORG = 'none';

interface Values {
  title: string;
  workingGroupId: string;
  coalitionPermission: DocPermission | typeof ONLY_MY_ORG;
}

const toInput = (values: Values) => ({
  title: values.title,
  kind: 'case-map' as const,
  workingGroupId: values.workingGroupId || null,
  coalitionPermission:
    values.coalitionPermission === ONLY_MY_ORG ? null : values.coalitionPermission,
});

interface Props {
  coalitionId: string;
  workingGroups: WorkingGroupDto[];
  opened: boolean;
  onClose: () => void;
}

export function CreateCaseMapModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New case map" centered>
      {props.opened && <CreateCaseMapForm {...props} />}
    </Modal>
  );
}

function CreateCaseMapForm({ coalitionId, workingGroups, onClose }: Props) {
  const create = useCreateDocument(coalitionId);
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: { title: '', workingGroupId: '', coalitionPermission: 'edit' },
    validate: (values) => {
      const result = documentCreateSchema.safeParse(toInput(values));
      return result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const submit = handle(async (values) => {
    const map = await create.mutateAsync(toInput(values));
    notifySuccess(`${map.title} was created.`);
    onClose();
    void navigate(`/c/${coalitionId}/case-maps/${map.id}`);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput
          label="Title"
          required
          data-autofocus
          placeholder="e.g. Tunago No. 61: crew recruitment"
          {...form.getInputProps('title')}
        />
        <Select
          label="Working group"
          placeholder="None"
          clearable
          data={workingGroups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps('workingGroupId')}
          value={form.values.workingGroupId || null}
          onChange={(v) => form.setFieldValue('workingGroupId', v ?? '')}
        />
        <Select
          label="Coalition members"
          description="What every member organization may do with the map. Restricted and private nodes stay with the organization that holds them whatever you choose here."
          allowDeselect={false}
          data={[
            ...(['edit', 'view'] as const).map((p) => ({ value: p, label: PERMISSION_LABELS[p] })),
            { value: ONLY_MY_ORG, label: 'Only my organization' },
          ]}
          {...form.getInputProps('coalitionPermission')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create map
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
