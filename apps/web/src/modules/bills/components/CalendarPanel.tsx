import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload } from '@tabler/icons-react';
import { CALENDAR_EVENT_KINDS } from '@coalesce/domain';
import type { CalendarEventKind } from '@coalesce/domain';
import type { CalendarEventDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';
import { FormError } from '../../../ui/FormError';
import { notifyError } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { billsApi } from '../api/billsApi';
import { useCreateCalendarEvent } from '../hooks/useBillMutations';

interface Props {
  coalitionId: string;
  events: CalendarEventDto[];
  canEdit: boolean;
}

/** Hearings, markups, votes and deadlines, with an .ics export of them and of the meetings. */
export function CalendarPanel({ coalitionId, events, canEdit }: Props) {
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          onClick={() => billsApi.downloadIcs(coalitionId).catch(notifyError)}
        >
          Download calendar (.ics)
        </Button>
      </Group>
      {events.length ? (
        <Table aria-label="Hearings and deadlines">
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.startsAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{e.kind}</Badge>
                </Table.Td>
                <Table.Td>
                  {e.title}
                  {e.bill ? ` (${e.bill.identifier})` : ''}
                  {e.isPast && (
                    <Badge ml="xs" color="gray" size="xs">
                      Past
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{e.location}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">No hearings or deadlines.</Text>
      )}
      {canEdit && <AddEventForm coalitionId={coalitionId} />}
    </Stack>
  );
}

function AddEventForm({ coalitionId }: { coalitionId: string }) {
  const create = useCreateCalendarEvent(coalitionId);
  const form = useForm({
    initialValues: { kind: 'hearing' as CalendarEventKind, title: '', startsAt: '', location: '' },
  });
  const { error, submitting, handle } = useServerForm(form, [
    'kind',
    'title',
    'startsAt',
    'location',
  ]);
  const submit = handle(async (v) => {
    const d = new Date(v.startsAt);
    await create.mutateAsync({
      ...v,
      startsAt: Number.isNaN(d.getTime()) ? v.startsAt : d.toISOString(),
      location: v.location || null,
    });
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a hearing or deadline">
      <FormError error={error} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Kind"
          allowDeselect={false}
          data={[...CALENDAR_EVENT_KINDS]}
          {...form.getInputProps('kind')}
          w={140}
        />
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <TextInput
          label="When"
          type="datetime-local"
          required
          {...form.getInputProps('startsAt')}
        />
        <TextInput label="Where" {...form.getInputProps('location')} />
        <Button type="submit" loading={submitting}>
          Add
        </Button>
      </Group>
    </form>
  );
}
