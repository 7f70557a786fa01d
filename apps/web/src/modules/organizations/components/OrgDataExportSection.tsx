import { Button, List, Stack, Text } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { SectionCard } from '../../../ui/SectionCard';
import { ErrorState } from '../../../ui/ErrorState';
import { notifyError } from '../../../ui/notify';
import {
  isExportActive,
  useDownloadExport,
  useOrgExports,
  useStartExport,
} from '../hooks/useOrgExports';
import { ExportProgress } from './ExportProgress';

/** "Export our data": start an export, follow it live, download the ZIP. */
export function OrgDataExportSection({ organizationId }: { organizationId: string }) {
  const exports = useOrgExports(organizationId);
  const start = useStartExport(organizationId);
  const download = useDownloadExport(organizationId);
  const latest = exports.data?.[0];
  const active = isExportActive(latest);

  return (
    <SectionCard
      title="Export our data"
      description="One ZIP file with everything your organization holds in Coalesce."
      actions={
        <Button
          leftSection={<IconFileZip size={16} />}
          onClick={() => start.mutate(undefined, { onError: notifyError })}
          loading={start.isPending}
          disabled={active}
        >
          Export our data
        </Button>
      }
    >
      <Stack gap="sm">
        <List size="sm" spacing={2}>
          <List.Item>
            Documents your organization owns, as Markdown and as their collaborative (Yjs) state,
            and its case maps
          </List.Item>
          <List.Item>
            Its bill positions, meetings, tasks (created by or assigned to it) with their comments,
            and the comments your people wrote anywhere
          </List.Item>
          <List.Item>Your profile, your people and the audit log about your organization</List.Item>
        </List>
        <Text size="xs" c="dimmed">
          The file can be downloaded for a limited time, then it is deleted. Starting and
          downloading an export are recorded in the audit log.
        </Text>
        {exports.isError && <ErrorState error={exports.error} onRetry={() => exports.refetch()} />}
        {latest && (
          <ExportProgress
            job={latest}
            downloading={download.isPending}
            onDownload={() => download.mutate(latest, { onError: notifyError })}
          />
        )}
      </Stack>
    </SectionCard>
  );
}
