import { useState } from 'react';
import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { DEFAULT_CLAIM_DAYS, MAX_CLAIM_DAYS } from '@coalesce/domain';
import { notifySuccess } from '../../../../ui/notify';
import { useClaim } from '../../hooks/useTaskMutations';

const KINDS = [
  { value: 'office', label: 'Office' },
  { value: 'bill', label: 'Bill' },
  { value: 'case-node', label: 'Case lead' },
];

/** "We are on it": claim a lobbying target for a while; a target someone holds is refused with who. */
export function ClaimTargetForm({ coalitionId }: { coalitionId: string }) {
  const claim = useClaim(coalitionId);
  const [kind, setKind] = useState<'office' | 'bill' | 'case-node'>('office');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState<number>(DEFAULT_CLAIM_DAYS);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        claim.mutate(
          { targetKind: kind, targetKey: target, note, days },
          {
            onSuccess: (c) => {
              notifySuccess(`Claimed “${c.targetLabel}” until ${c.expiresAt.slice(0, 10)}.`);
              setTarget('');
              setNote('');
            },
          },
        );
      }}
    >
      <Group align="flex-end" gap="xs">
        <Select
          label="Claim"
          data={KINDS}
          value={kind}
          onChange={(v) => setKind((v as typeof kind) ?? 'office')}
          w={120}
        />
        <TextInput
          label="Target"
          placeholder="Office of Sen. …"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <TextInput
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          w={160}
        />
        <NumberInput
          label="Days"
          min={1}
          max={MAX_CLAIM_DAYS}
          value={days}
          onChange={(v) => setDays(Number(v) || DEFAULT_CLAIM_DAYS)}
          w={80}
        />
        <Button type="submit" disabled={!target.trim()} loading={claim.isPending}>
          Claim
        </Button>
      </Group>
    </form>
  );
}
