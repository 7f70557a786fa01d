import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff } from '@tabler/icons-react';
import type { DocStatusView } from '../utils/docStatusLabel';

const COLORS = { ok: 'teal', busy: 'dimmed', offline: 'orange', error: 'red' } as const;

/** "All changes saved", "Saving…", "Offline — changes will sync" or the error, truthfully. */
interface DocStatusLineProps {
  view: DocStatusView;
  /** Offered when the engine refused a change for good: reopen from the server's state. */
  onReload?: () => void;
}

export function DocStatusLine({ view, onReload }: DocStatusLineProps) {
  const color = COLORS[view.tone];
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite">
      {view.tone === 'ok' && <IconCheck size={14} color="var(--mantine-color-teal-7)" />}
      {view.tone === 'busy' && <Loader size={12} />}
      {view.tone === 'offline' && <IconCloudOff size={14} color="var(--mantine-color-orange-7)" />}
      {view.tone === 'error' && <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />}
      <Text size="sm" c={color} data-testid="doc-status" data-tone={view.tone}>
        {view.label}
      </Text>
      {onReload && view.tone === 'error' && (
        <Button size="compact-xs" variant="subtle" onClick={onReload}>
          Reload
        </Button>
      )}
    </Group>
  );
}
