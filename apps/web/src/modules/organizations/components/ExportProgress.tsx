import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { OrgExportDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';

interface Props {
  job: OrgExportDto;
  onDownload: () => void;
  downloading?: boolean;
}

/** Where an export stands: a live progress bar, then the download, or why there is none. */
export function ExportProgress({ job, onDownload, downloading = false }: Props) {
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <Stack gap={6}>
        <Progress
          value={job.progress}
          animated
          size="lg"
          aria-label="Export progress"
          aria-valuetext={`${job.progress}%`}
        />
        <Text size="sm" c="dimmed">
          {job.progress}% · {job.step ?? 'Waiting to start'}
        </Text>
      </Stack>
    );
  }
  if (job.status === 'ready') {
    return (
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm">
            Ready: {formatBytes(job.fileSize ?? 0)}, exported {formatDateTime(job.completedAt!)}.
          </Text>
          <Text size="xs" c="dimmed">
            The file is deleted on {formatDateTime(job.expiresAt!)}.
          </Text>
        </Stack>
        <Button leftSection={<IconDownload size={16} />} onClick={onDownload} loading={downloading}>
          Download {job.fileName}
        </Button>
      </Group>
    );
  }
  if (job.status === 'failed') {
    return (
      <Alert color="red" title="The export failed">
        {job.error ?? 'Start a new export.'}
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      The export of {formatDateTime(job.createdAt)} has expired and its file was deleted. Start a
      new one.
    </Text>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
