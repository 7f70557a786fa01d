import { Badge, Group, Progress, Stack, Stepper, Text } from '@mantine/core';
import { BILL_STAGE_LABELS, progressStagesFor } from '@coalesce/domain';
import type { BillStage, Chamber } from '@coalesce/domain';
import { formatDate } from '../../../lib/formatDate';
import { STAGE_COLORS } from './billLabels';

interface Props {
  stage: BillStage;
  stageDates: Partial<Record<BillStage, string>>;
  originChamber: Chamber;
  /** Compact: just the bar and the badge (lists). */
  compact?: boolean;
}

/** Where a bill is on its way to law; outcomes (vetoed, failed, dead) end the bar where it stopped. */
export function BillStageProgress({ stage, stageDates, originChamber, compact }: Props) {
  const stages = progressStagesFor(originChamber === 'legislature');
  const reached = stages.filter((s) => stageDates[s]);
  const lastReached =
    stages.indexOf(stage) >= 0
      ? stages.indexOf(stage)
      : Math.max(0, ...reached.map((s) => stages.indexOf(s)));
  const percent = stage === 'enacted' ? 100 : Math.round(((lastReached + 1) / stages.length) * 100);
  const label = BILL_STAGE_LABELS[stage];
  const bar = (
    <Progress
      value={percent}
      color={STAGE_COLORS[stage]}
      size={compact ? 'sm' : 'lg'}
      aria-label={`Stage: ${label}`}
    />
  );
  if (compact) {
    return (
      <Stack gap={4} miw={140}>
        <Badge color={STAGE_COLORS[stage]} variant="light">
          {label}
        </Badge>
        {bar}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fw={600}>Stage</Text>
        <Badge color={STAGE_COLORS[stage]} size="lg">
          {label}
        </Badge>
        {stageDates[stage] && <Text c="dimmed">since {formatDate(stageDates[stage]!)}</Text>}
      </Group>
      {bar}
      <Stepper active={lastReached} size="xs" iconSize={22} allowNextStepsSelect={false}>
        {stages.map((s) => (
          <Stepper.Step
            key={s}
            label={BILL_STAGE_LABELS[s]}
            description={stageDates[s] ? formatDate(stageDates[s]!) : undefined}
          />
        ))}
      </Stepper>
    </Stack>
  );
}
