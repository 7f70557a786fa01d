import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import type { Chamber } from '@coalesce/domain';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { useCreateBill } from '../hooks/useBillMutations';

const FIELDS = [
  'jurisdiction',
  'session',
  'identifier',
  'originChamber',
  'title',
  'introducedAt',
] as const;

interface Values {
  jurisdiction: string;
  session: string;
  identifier: string;
  originChamber: Chamber;
  title: string;
  introducedAt: string;
}

export function NewBillModal({
  coalitionId,
  opened,
  onClose,
}: {
  coalitionId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Track a bill" centered>
      {opened && <NewBillForm coalitionId={coalitionId} onClose={onClose} />}
    </Modal>
  );
}

function NewBillForm({ coalitionId, onClose }: { coalitionId: string; onClose: () => void }) {
  const create = useCreateBill(coalitionId);
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: {
      jurisdiction: 'US federal',
      session: '',
      identifier: '',
      originChamber: 'lower',
      title: '',
      introducedAt: '',
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const submit = handle(async (v) => {
    const bill = await create.mutateAsync({ ...v, introducedAt: v.introducedAt || null });
    onClose();
    navigate(`/c/${coalitionId}/bills/${bill.id}`);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={error} />
        <TextInput label="Jurisdiction" required {...form.getInputProps('jurisdiction')} />
        <TextInput
          label="Session"
          required
          placeholder="e.g. 119"
          {...form.getInputProps('session')}
        />
        <TextInput
          label="Identifier"
          required
          placeholder="e.g. H.R. 2200"
          {...form.getInputProps('identifier')}
        />
        <Select
          label="Origin chamber"
          allowDeselect={false}
          data={[
            { value: 'lower', label: 'Lower (House, Assembly)' },
            { value: 'upper', label: 'Upper (Senate)' },
            { value: 'legislature', label: 'Unicameral legislature' },
          ]}
          {...form.getInputProps('originChamber')}
        />
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <TextInput label="Introduced on" type="date" {...form.getInputProps('introducedAt')} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Track bill
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
