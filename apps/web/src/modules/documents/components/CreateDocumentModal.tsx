import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { DocPermission, ListedDocKind } from '@coalesce/domain';
import { documentCreateSchema } from '@coalesce/protocol';
import type { DocumentTemplateDto, WorkingGroupDto } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useCreateDocument } from '../hooks/useDocumentMutations';
import { KIND_LABELS, PERMISSION_LABELS, TEXT_KINDS } from './documentLabels';

const FIELDS = ['title', 'kind', 'templateId', 'workingGroupId', 'coalitionPermission'] as const;
const ONLY_MY_ORG = 'none';

interface Props {
  coalitionId: string;
  templates: DocumentTemplateDto[];
  workingGroups: WorkingGroupDto[];
  opened: boolean;
  onClose: () => void;
}

interface Values {
  title: string;
  templateId: string;
  kind: ListedDocKind;
  workingGroupId: string;
  coalitionPermission: DocPermission | typeof ONLY_MY_ORG;
}

const toInput = (values: Values) => ({
  title: values.title,
  kind: values.kind,
  templateId: values.templateId || undefined,
  workingGroupId: values.workingGroupId || null,
  coalitionPermission:
    values.coalitionPermission === ONLY_MY_ORG ? null : values.coalitionPermission,
});

export function CreateDocumentModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="New document" centered size="lg">
      {props.opened && <CreateDocumentForm {...props} />}
    </Modal>
  );
}

function CreateDocumentForm({ coalitionId, templates, workingGroups, onClose }: Props) {
  const create = useCreateDocument(coalitionId);
  const navigate = useNavigate();
  const first = templates.find((t) => t.kind === 'plan') ?? templates[0];
  const form = useForm<Values>({
    initialValues: {
      title: '',
      templateId: first?.id ?? '',
      kind: first?.kind ?? 'plan',
      workingGroupId: '',
      coalitionPermission: 'edit',
    },
    validate: (values) => {
      const result = documentCreateSchema.safeParse(toInput(values));
      return result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  // The templates may arrive after the dialog opened: start from the default one then, unless the
  // person already chose where to start from.
  const choseTemplate = useRef(Boolean(first));
  useEffect(() => {
    if (choseTemplate.current || !first) return;
    choseTemplate.current = true;
    form.setFieldValue('templateId', first.id);
    form.setFieldValue('kind', first.kind);
  }, [first, form]);

  const submit = handle(async (values) => {
    const doc = await create.mutateAsync(toInput(values));
    notifySuccess(`${doc.title} was created.`);
    onClose();
    navigate(`/c/${coalitionId}/documents/${doc.id}`);
  });

  const chooseTemplate = (id: string | null) => {
    choseTemplate.current = true;
    form.setFieldValue('templateId', id ?? '');
    const template = templates.find((t) => t.id === id);
    if (template) form.setFieldValue('kind', template.kind);
  };
  const chosen = templates.find((t) => t.id === form.values.templateId);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput
          label="Title"
          required
          data-autofocus
          placeholder="e.g. TVPA reauthorization: Senate strategy"
          {...form.getInputProps('title')}
        />
        <Select
          label="Start from"
          data={[
            { value: '', label: 'Blank document' },
            ...templates.map((t) => ({ value: t.id, label: t.name })),
          ]}
          value={form.values.templateId}
          onChange={chooseTemplate}
          allowDeselect={false}
          description={chosen?.description}
        />
        <Select
          label="Kind"
          data={TEXT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
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
          description="What every member organization may do. You can share with chosen organizations later."
          allowDeselect={false}
          data={[
            ...(['edit', 'comment', 'view'] as const).map((p) => ({
              value: p,
              label: PERMISSION_LABELS[p],
            })),
            { value: ONLY_MY_ORG, label: 'Only my organization' },
          ]}
          {...form.getInputProps('coalitionPermission')}
        />
        <Text size="xs" c="dimmed">
          Observer organizations can only view.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create document
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
