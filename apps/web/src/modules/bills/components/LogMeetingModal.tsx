import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { billsApi } from '../api/billsApi';
import type { MeetingDto } from '@coalesce/protocol';
import { useCreateMeeting, useUpdateMeeting } from '../hooks/useBillMutations';
import { OverlapAlert } from './OverlapAlert';

const FIELDS = [
  'office',
  'legislator',
  'startsAt',
  'billIds',
  'organizationIds',
  'attendees',
  'ask',
  'notes',
  'privateNotes',
  'followUps',
] as const;

interface Props {
  coalitionId: string;
  bills: Array<{ id: string; identifier: string }>;
  /** Other member organizations that may attend. */
  organizations: Array<{ id: string; name: string }>;
  opened: boolean;
  onClose: () => void;
  /** Edit this meeting instead of logging a new one. */
  meeting?: MeetingDto | null;
}

/** An ISO instant as a datetime-local value in the browser's time zone. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A datetime-local value ("2026-12-03T15:00", local time) as an ISO instant, or '' when empty/invalid. */
const toIso = (local: string) => {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
};

export function LogMeetingModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.meeting ? 'Edit meeting' : 'Log a meeting'}
      size="lg"
      centered
    >
      {props.opened && <LogMeetingForm {...props} />}
    </Modal>
  );
}

function LogMeetingForm({ coalitionId, bills, organizations, onClose, meeting }: Props) {
  const create = useCreateMeeting(coalitionId);
  const update = useUpdateMeeting(coalitionId);
  const form = useForm({
    initialValues: {
      office: meeting?.office ?? '',
      legislator: meeting?.legislator ?? '',
      startsAt: meeting ? toLocal(meeting.startsAt) : '',
      billIds: meeting?.bills.map((b) => b.id) ?? ([] as string[]),
      organizationIds:
        meeting?.organizations.map((o) => o.id).filter((id) => id !== meeting.createdByOrg.id) ??
        ([] as string[]),
      attendees: meeting?.attendees ?? ([] as string[]),
      ask: meeting?.ask ?? '',
      notes: meeting?.notes ?? '',
      privateNotes: meeting?.privateNotes ?? '',
      followUps: meeting?.followUps ?? ([] as string[]),
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const [check] = useDebouncedValue(
    {
      office: form.values.office.trim(),
      startsAt: toIso(form.values.startsAt),
      organizationIds: form.values.organizationIds,
      meetingId: meeting?.id,
    },
    300,
  );
  // Asked before saving: does another organization meet this office within the window?
  const overlaps = useQuery({
    queryKey: ['coalitions', coalitionId, 'meetings', 'overlap-check', check],
    queryFn: () => billsApi.checkOverlaps(coalitionId, check),
    enabled: check.office.length > 0 && check.startsAt.length > 0,
  });

  const submit = handle(async (v) => {
    const input = {
      ...v,
      startsAt: toIso(v.startsAt) || v.startsAt,
      legislator: v.legislator || null,
      ask: v.ask || null,
      notes: v.notes || null,
      privateNotes: v.privateNotes || null,
    };
    const saved = meeting
      ? await update.mutateAsync({ meetingId: meeting.id, input })
      : await create.mutateAsync(input);
    notifySuccess(
      saved.overlaps.length
        ? 'Saved. The other organizations and the coordinators see the overlap.'
        : 'Meeting saved.',
      meeting ? 'Meeting updated' : 'Meeting logged',
    );
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={error} />
        <TextInput
          label="Office"
          required
          placeholder="e.g. Office of Sen. Dana Whitfield"
          data-autofocus
          {...form.getInputProps('office')}
        />
        <TextInput label="Legislator" {...form.getInputProps('legislator')} />
        <TextInput
          label="Date and time"
          type="datetime-local"
          required
          {...form.getInputProps('startsAt')}
        />
        {overlaps.data && <OverlapAlert overlaps={overlaps.data} />}
        <MultiSelect
          label="Bills"
          searchable
          data={bills.map((b) => ({ value: b.id, label: b.identifier }))}
          {...form.getInputProps('billIds')}
        />
        <MultiSelect
          label="Other attending organizations"
          data={organizations.map((o) => ({ value: o.id, label: o.name }))}
          {...form.getInputProps('organizationIds')}
        />
        <TagsInput
          label="Attendees"
          placeholder="Names, Enter after each"
          {...form.getInputProps('attendees')}
        />
        <Textarea label="The ask" autosize minRows={2} {...form.getInputProps('ask')} />
        <Textarea
          label="Notes shared with the coalition"
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <Textarea
          label="Private notes (your organization only)"
          autosize
          minRows={2}
          {...form.getInputProps('privateNotes')}
        />
        <TagsInput
          label="Follow-ups"
          placeholder="Enter after each"
          {...form.getInputProps('followUps')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Save meeting
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
