import type { MapSensitivity } from '@coalesce/domain';

export const SENSITIVITY_LABELS: Record<MapSensitivity, string> = {
  shared: 'Shared',
  restricted: 'Restricted',
  private: 'Private',
};

export const SENSITIVITY_HINTS: Record<MapSensitivity, string> = {
  shared: 'Every organization that can see the map sees everything about it.',
  restricted:
    'Other organizations see only that a node of this type exists and that your organization holds it.',
  private: 'Only your organization (and organizations you grant your layer) see it at all.',
};

/** Why restricted and private are unavailable without the own layer. */
export const NO_LAYER_REASON =
  'Restricted and private nodes live in your organization’s private layer of this map, which is not open for editing (your organization may only view this map, or the layer is still loading).';
