import type { VersionDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../../lib/formatDate';

/** "Before the markup" for a named version, "Checkpoint · 3 Dec 2026, 10:04" otherwise. */
export function versionTitle(version: VersionDto): string {
  if (version.kind === 'named' && version.name) return version.name;
  return `Checkpoint · ${formatDateTime(version.createdAt)}`;
}
