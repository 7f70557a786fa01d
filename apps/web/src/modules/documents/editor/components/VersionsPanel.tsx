import { useState } from 'react';
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconEye, IconHistory, IconRestore } from '@tabler/icons-react';
import type { VersionDto } from '@coalesce/protocol';
import { formatDateTime, formatRelative } from '../../../../lib/formatDate';
import { ConfirmModal } from '../../../../ui/ConfirmModal';
import { ErrorState } from '../../../../ui/ErrorState';
import { notifySuccess } from '../../../../ui/notify';
import { TableSkeleton } from '../../../../ui/TableSkeleton';
import { useNameVersion, useRestoreVersion, useVersions } from '../hooks/useVersions';
import { versionTitle } from '../utils/versionTitle';
import { NameVersionModal } from './NameVersionModal';
import { VersionPreviewModal } from './VersionPreviewModal';

interface VersionsPanelProps {
  docId: string;
  canEdit: boolean;
  /** Whether the panel is shown (the list loads when it is). */
  active: boolean;
}

/** Named versions and automatic checkpoints: preview, name the current state, restore. */
export function VersionsPanel({ docId, canEdit, active }: VersionsPanelProps) {
  const versions = useVersions(docId, active);
  const nameVersion = useNameVersion(docId);
  const restore = useRestoreVersion(docId);
  const [naming, setNaming] = useState(false);
  const [preview, setPreview] = useState<VersionDto | null>(null);
  const [restoring, setRestoring] = useState<VersionDto | null>(null);

  return (
    <Stack gap="sm" data-testid="versions-panel">
      {canEdit && (
        <Button
          variant="light"
          leftSection={<IconHistory size={16} />}
          onClick={() => setNaming(true)}
          data-testid="version-name-current"
        >
          Name current version
        </Button>
      )}
      {versions.isPending && active && <TableSkeleton rows={4} />}
      {versions.isError && <ErrorState error={versions.error} onRetry={() => versions.refetch()} />}
      {versions.data && versions.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No versions yet. Checkpoints are saved automatically as the document changes.
        </Text>
      )}
      <ScrollArea.Autosize mah="calc(100vh - 300px)" offsetScrollbars>
        <Stack gap="xs">
          {versions.data?.map((version) => (
            <Paper key={version.id} withBorder p="xs" radius="md" data-testid="version-item">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={version.kind === 'named' ? 600 : 400} lineClamp={1}>
                    {versionTitle(version)}
                  </Text>
                  <Badge
                    size="xs"
                    variant="light"
                    color={version.kind === 'named' ? 'blue' : 'gray'}
                  >
                    {version.kind === 'named' ? 'Named' : 'Checkpoint'}
                  </Badge>
                </Group>
                <Tooltip label={formatDateTime(version.createdAt)} withArrow>
                  <Text size="xs" c="dimmed">
                    {version.createdBy?.name ?? 'Automatic'} · {formatRelative(version.createdAt)}
                  </Text>
                </Tooltip>
                <Group gap="xs" justify="flex-end">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconEye size={14} />}
                    onClick={() => setPreview(version)}
                    data-testid="version-preview-button"
                  >
                    Preview
                  </Button>
                  {canEdit && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="orange"
                      leftSection={<IconRestore size={14} />}
                      onClick={() => setRestoring(version)}
                      data-testid="version-restore"
                    >
                      Restore
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <NameVersionModal
        opened={naming}
        onClose={() => setNaming(false)}
        onSave={(name) => nameVersion.mutateAsync(name)}
      />
      <VersionPreviewModal docId={docId} version={preview} onClose={() => setPreview(null)} />
      <ConfirmModal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title="Restore this version?"
        confirmLabel="Restore"
        danger={false}
        onConfirm={async () => {
          if (!restoring) return;
          await restore.mutateAsync(restoring.id);
          notifySuccess(
            `The document is back to “${versionTitle(restoring)}”.`,
            'Version restored',
          );
        }}
      >
        {`The document goes back to “${restoring ? versionTitle(restoring) : ''}” for everyone. Everyone's open editor updates at once. To keep the current text, name the current version first.`}
      </ConfirmModal>
    </Stack>
  );
}
