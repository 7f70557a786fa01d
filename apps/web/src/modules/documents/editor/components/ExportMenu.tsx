import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconMarkdown, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notifyError } from '../../../../ui/notify';
import { useDownloadMarkdown } from '../hooks/useDownloadMarkdown';

interface ExportMenuProps {
  docId: string;
  coalitionId: string;
  title: string;
}

/** Markdown download and the print-friendly page. */
export function ExportMenu({ docId, coalitionId, title }: ExportMenuProps) {
  const download = useDownloadMarkdown(docId, title);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={download.isPending}
          data-testid="export-menu"
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconMarkdown size={16} />}
          onClick={() => download.mutate(undefined, { onError: notifyError })}
          data-testid="export-markdown"
        >
          Download Markdown
        </Menu.Item>
        <Menu.Item
          leftSection={<IconPrinter size={16} />}
          component={Link}
          to={`/c/${coalitionId}/documents/${docId}/print`}
          // A tab of its own: this page keeps its connection (and its unsent changes).
          target="_blank"
          rel="noopener"
          data-testid="export-print"
        >
          Print or save as PDF
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
