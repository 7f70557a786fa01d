import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { documentUpdateSchema } from '@coalesce/protocol';
import type { DocumentDto } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { useUpdateDocument } from '../hooks/useDocumentMutations';

const FIELDS = ['title'] as const;

interface Props {
  document: DocumentDto | null;
  onClose: () => void;
}

export function RenameDocumentModal({ document, onClose }: Props) {
  return (
    <Modal opened={document !== null} onClose={onClose} title="Rename document" centered>
      {document && <RenameForm document={document} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ document, onClose }: { document: DocumentDto; onClose: () => void }) {
  const update = useUpdateDocument(document.coalitionId);
  const form = useForm({
    initialValues: { title: document.title },
    validate: (values) => {
      const result = documentUpdateSchema.safeParse(values);
      return result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const submit = handle(async (values) => {
    await update.mutateAsync({ docId: document.id, input: { title: values.title } });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
