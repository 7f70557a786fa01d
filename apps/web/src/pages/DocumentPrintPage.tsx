import { Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { ReadOnlyDocument } from '../modules/documents/editor/components/ReadOnlyDocument';
import { useDocument } from '../modules/documents/editor/hooks/useDocument';
import { usePrintableDoc } from '../modules/documents/editor/hooks/usePrintableDoc';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../lib/formatDate';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import '../modules/documents/editor/components/documentEditor.css';

/** `/c/:coalitionId/documents/:docId/print`: the document alone, for the browser's print to PDF. */
export function DocumentPrintPage() {
  const { docId = '' } = useParams();
  const document = useDocument(docId);
  const printable = usePrintableDoc(docId);
  useDocumentTitle(document.data?.title);

  if (document.isError)
    return <ErrorState error={document.error} onRetry={() => document.refetch()} />;
  if (printable.error) return <ErrorState error={new Error(printable.error)} />;
  if (!document.data || !printable.doc) {
    return (
      <Center h="60vh">
        <Loader />
      </Center>
    );
  }
  return (
    <div className="doc-print" data-testid="doc-print">
      <Group className="doc-print-toolbar" justify="flex-end" mb="lg">
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          Print
        </Button>
      </Group>
      <Title order={1} mb={4}>
        {document.data.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xl">
        {document.data.ownerOrg.name} · updated {formatDateTime(document.data.updatedAt)}
      </Text>
      <ReadOnlyDocument doc={printable.doc} className="doc-editor" />
    </div>
  );
}
