import { useState } from 'react';
import { Button, EmptyState, Group, Select, Stack, Text } from '@mantine/core';
import { IconFilter, IconHistory } from '@tabler/icons-react';
import { AUDIT_ACTIONS } from '@coalesce/protocol';
import type { AuditAction } from '@coalesce/protocol';
import { ErrorState } from '../../../ui/ErrorState';
import { FormError } from '../../../ui/FormError';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import type { AuditScope } from '../api/auditApi';
import { useAuditLog } from '../hooks/useAuditLog';
import { AuditLogTable } from './AuditLogTable';
import { auditActionLabel } from './auditActionLabels';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({
  value: action,
  label: auditActionLabel(action),
}));

/** An audit log with an action filter and "Load more" (cursor pagination). */
export function AuditLogPanel({ scope }: { scope: AuditScope }) {
  const [action, setAction] = useState<AuditAction | null>(null);
  const log = useAuditLog(scope, { action });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select
          label="Event"
          placeholder="All events"
          data={ACTION_OPTIONS}
          value={action}
          onChange={(value) => setAction(value as AuditAction | null)}
          clearable
          searchable
          leftSection={<IconFilter size={16} />}
          w={300}
        />
        {log.isSuccess && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
            {log.hasNextPage ? ' loaded' : ''}
          </Text>
        )}
      </Group>
      {log.isPending ? (
        <TableSkeleton rows={6} label="Loading audit log" />
      ) : log.isError && !log.isFetchNextPageError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState
          icon={<IconHistory />}
          withIndicatorBackground
          title="No entries"
          description={
            action ? 'No event of this kind was recorded.' : 'Nothing has been recorded yet.'
          }
          py="xl"
        />
      ) : (
        <>
          <AuditLogTable entries={entries} />
          {log.isFetchNextPageError && <FormError error={log.error} />}
          {log.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                Load more
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
