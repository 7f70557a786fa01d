import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import type { BillImportFormat, BillImportPreviewDto } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useBillImport } from '../hooks/useBillMutations';

interface Props {
  coalitionId: string;
  opened: boolean;
  onClose: () => void;
}

/** Import bills from Open States JSON or CSV: preview what changes, then apply (all or nothing). */
export function ImportBillsModal({ coalitionId, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import bills" size="xl" centered>
      {opened && <ImportBillsForm coalitionId={coalitionId} onClose={onClose} />}
    </Modal>
  );
}

function ImportBillsForm({ coalitionId, onClose }: { coalitionId: string; onClose: () => void }) {
  const [format, setFormat] = useState<BillImportFormat>('open-states-json');
  const [content, setContent] = useState('');
  const [preview, setPreview] = useState<BillImportPreviewDto | null>(null);
  const { preview: previewing, apply } = useBillImport(coalitionId);

  const readFile = async (file: File | null) => {
    if (!file) return;
    setPreview(null);
    setContent(await file.text());
    if (file.name.toLowerCase().endsWith('.csv')) setFormat('csv');
    else setFormat('open-states-json');
  };

  const runPreview = async () => setPreview(await previewing.mutateAsync({ format, content }));
  const runApply = async () => {
    const result = await apply.mutateAsync({ format, content, previewDigest: preview?.digest });
    notifySuccess(
      `${result.summary.create} created, ${result.summary.update} updated, ${result.summary.unchanged} unchanged.`,
      'Bills imported',
    );
    onClose();
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Bills are matched by their Open States, congress.gov or LegiScan id, then by jurisdiction,
        session and number, so importing the same file again never duplicates. See docs/bills.md for
        the CSV columns.
      </Text>
      <SegmentedControl
        value={format}
        onChange={(v) => {
          setFormat(v as BillImportFormat);
          setPreview(null);
        }}
        data={[
          { value: 'open-states-json', label: 'Open States JSON' },
          { value: 'csv', label: 'CSV' },
        ]}
      />
      <FileInput
        label="File"
        placeholder="Choose a .json or .csv file"
        accept=".json,.csv,application/json,text/csv"
        onChange={readFile}
        clearable
      />
      <Textarea
        label="Or paste the content"
        autosize
        minRows={4}
        maxRows={10}
        value={content}
        onChange={(e) => {
          setContent(e.currentTarget.value);
          setPreview(null);
        }}
      />
      <FormError error={previewing.error ?? apply.error} />
      {preview && !preview.ok && (
        <Alert color="red" title="The file has errors; nothing will be imported" role="alert">
          <Stack gap={2}>
            {preview.issues.map((i, n) => (
              <Text key={n} size="sm">
                Line {i.line}
                {i.field ? ` (${i.field})` : ''}: {i.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {preview?.ok && (
        <Stack gap="xs">
          <Text fw={600}>
            Preview: {preview.summary.create} new, {preview.summary.update} updated,{' '}
            {preview.summary.unchanged} unchanged
          </Text>
          <Table aria-label="Import preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Bill</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>New actions</Table.Th>
                <Table.Th>Fields</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.changes.map((c) => (
                <Table.Tr key={c.line}>
                  <Table.Td>{c.line}</Table.Td>
                  <Table.Td>
                    {c.identifier} ({c.jurisdiction} {c.session})
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={
                        c.change === 'create' ? 'green' : c.change === 'update' ? 'blue' : 'gray'
                      }
                    >
                      {c.change}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.newActions}</Table.Td>
                  <Table.Td>{c.fields.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={runPreview}
          loading={previewing.isPending}
          disabled={!content}
        >
          Preview
        </Button>
        <Button onClick={runApply} loading={apply.isPending} disabled={!preview?.ok}>
          Import
        </Button>
      </Group>
    </Stack>
  );
}
