import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { POSITION_LABELS, POSITION_STANCES, positionConflict } from '@coalesce/domain';
import type { PositionStance } from '@coalesce/domain';
import type { BillPositionDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { useSetPosition } from '../hooks/useBillMutations';
import { STANCE_COLORS } from './billLabels';

interface Props {
  coalitionId: string;
  billId: string;
  positions: BillPositionDto[];
  myOrganizationId: string;
  canEdit: boolean;
}

/** Every organization's position, a conflict warning, and the caller's organization's own position. */
export function BillPositionsPanel({
  coalitionId,
  billId,
  positions,
  myOrganizationId,
  canEdit,
}: Props) {
  const conflict = positionConflict(
    positions.map((p) => ({ organizationId: p.organizationId, stance: p.stance })),
  );
  const mine = positions.find((p) => p.organizationId === myOrganizationId);
  return (
    <Stack gap="md">
      {conflict && (
        <Alert color="red" title="Conflicting positions" role="alert">
          Some member organizations support this bill while others oppose it. Coordinate before
          meeting offices.
        </Alert>
      )}
      {positions.length ? (
        <Table aria-label="Positions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Position</Table.Th>
              <Table.Th>Rationale</Table.Th>
              <Table.Th>Decided</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {positions.map((p) => (
              <Table.Tr key={p.organizationId}>
                <Table.Td>{p.organizationName}</Table.Td>
                <Table.Td>
                  <Badge color={STANCE_COLORS[p.stance]}>{POSITION_LABELS[p.stance]}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.rationale}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.decidedBy}
                    {p.decidedAt ? `, ${formatDate(p.decidedAt)}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">No organization has taken a position yet.</Text>
      )}
      {canEdit && <MyPositionForm coalitionId={coalitionId} billId={billId} current={mine} />}
    </Stack>
  );
}

const FIELDS = ['stance', 'rationale', 'decidedBy', 'decidedAt'] as const;

function MyPositionForm({
  coalitionId,
  billId,
  current,
}: {
  coalitionId: string;
  billId: string;
  current?: BillPositionDto;
}) {
  const set = useSetPosition(coalitionId, billId);
  const form = useForm({
    initialValues: {
      stance: (current?.stance ?? 'monitor') as PositionStance,
      rationale: current?.rationale ?? '',
      decidedBy: current?.decidedBy ?? '',
      decidedAt: current?.decidedAt ?? '',
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);
  const submit = handle((v) =>
    set.mutateAsync({
      stance: v.stance,
      rationale: v.rationale || null,
      decidedBy: v.decidedBy || null,
      decidedAt: v.decidedAt || null,
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Our position">
      <Stack gap="sm">
        <Text fw={600}>Our organization's position</Text>
        <FormError error={error} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Position"
            allowDeselect={false}
            data={POSITION_STANCES.map((s) => ({ value: s, label: POSITION_LABELS[s] }))}
            {...form.getInputProps('stance')}
          />
          <TextInput
            label="Decided by"
            placeholder="e.g. Policy committee"
            {...form.getInputProps('decidedBy')}
          />
          <TextInput label="Decided on" type="date" {...form.getInputProps('decidedAt')} />
        </Group>
        <Textarea label="Rationale" autosize minRows={2} {...form.getInputProps('rationale')} />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Save position
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
