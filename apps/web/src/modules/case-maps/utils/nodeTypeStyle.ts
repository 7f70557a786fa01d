import {
  IconBuilding,
  IconBuildingFactory,
  IconFolder,
  IconGavel,
  IconBuildingBank,
  IconMapPin,
  IconShip,
  IconUser,
  IconWorld,
} from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { MapNodeType } from '@coalesce/domain';

export interface NodeTypeStyle {
  icon: Icon;
  /** A Mantine palette color name. */
  color: string;
}

/** How each kind of node looks on the canvas, in the palette and in the mini-map. */
export const NODE_TYPE_STYLES: Record<MapNodeType, NodeTypeStyle> = {
  case: { icon: IconFolder, color: 'red' },
  organization: { icon: IconBuilding, color: 'blue' },
  person: { icon: IconUser, color: 'grape' },
  business: { icon: IconBuildingFactory, color: 'orange' },
  vessel: { icon: IconShip, color: 'cyan' },
  location: { icon: IconMapPin, color: 'teal' },
  jurisdiction: { icon: IconWorld, color: 'indigo' },
  legislator: { icon: IconBuildingBank, color: 'violet' },
  bill: { icon: IconGavel, color: 'yellow' },
};

/** A CSS color of the node type (mini-map, handles). */
export function nodeTypeColor(type: MapNodeType, shade = 6): string {
  return `var(--mantine-color-${NODE_TYPE_STYLES[type].color}-${shade})`;
}
