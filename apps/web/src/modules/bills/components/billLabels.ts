import type { BillStage, PositionStance } from '@coalesce/domain';

export const STAGE_COLORS: Record<BillStage, string> = {
  introduced: 'gray',
  'in-committee': 'blue',
  reported: 'blue',
  'passed-origin': 'cyan',
  'in-second-chamber': 'cyan',
  'passed-both': 'teal',
  'with-executive': 'teal',
  enacted: 'green',
  vetoed: 'red',
  failed: 'red',
  dead: 'dark',
};

export const STANCE_COLORS: Record<PositionStance, string> = {
  support: 'green',
  oppose: 'red',
  'support-if-amended': 'yellow',
  monitor: 'blue',
  'no-position': 'gray',
};
