import { Button, Group, Select, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { KNOWN_ACTION_CLASSIFICATIONS } from '@coalesce/domain';
import type { ActionActor } from '@coalesce/domain';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { useAddBillAction } from '../hooks/useBillMutations';

const FIELDS = ['date', 'actor', 'text', 'classifications'] as const;

interface Values {
  date: string;
  actor: ActionActor | '';
  text: string;
  classifications: string[];
}

/** Appends an action; the stage is derived again on the server. */
export function AddBillActionForm({
  coalitionId,
  billId,
}: {
  coalitionId: string;
  billId: string;
}) {
  const add = useAddBillAction(coalitionId, billId);
  const form = useForm<Values>({
    initialValues: { date: '', actor: '', text: '', classifications: [] },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const submit = handle(async (v) => {
    await add.mutateAsync({ ...v, actor: v.actor || null });
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add an action">
      <FormError error={error} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
        <Select
          label="Actor"
          placeholder="Unknown"
          clearable
          data={[
            { value: 'lower', label: 'Lower chamber' },
            { value: 'upper', label: 'Upper chamber' },
            { value: 'legislature', label: 'Legislature' },
            { value: 'executive', label: 'Executive' },
          ]}
          {...form.getInputProps('actor')}
          value={form.values.actor || null}
          onChange={(v) => form.setFieldValue('actor', (v ?? '') as Values['actor'])}
        />
        <TextInput
          label="What happened"
          required
          style={{ flex: '1 1 240px' }}
          {...form.getInputProps('text')}
        />
        <TagsInput
          label="Classifications"
          placeholder="e.g. passage"
          data={[...KNOWN_ACTION_CLASSIFICATIONS]}
          {...form.getInputProps('classifications')}
          style={{ flex: '1 1 200px' }}
        />
        <Button type="submit" loading={submitting}>
          Add action
        </Button>
      </Group>
    </form>
  );
}
