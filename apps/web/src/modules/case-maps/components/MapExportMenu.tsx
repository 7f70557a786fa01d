import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileCode, IconPhoto } from '@tabler/icons-react';
import { notifyError } from '../../../ui/notify';
import { useMapExports } from '../hooks/useMapExports';

interface MapExportMenuProps {
  mapId: string;
  title: string;
  canvas: () => HTMLElement | null;
}

/** Export the visible map as a picture or the whole map as JSON. */
export function MapExportMenu({ mapId, title, canvas }: MapExportMenuProps) {
  const { png, json } = useMapExports(mapId, title, canvas);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          loading={png.isPending || json.isPending}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPhoto size={14} />}
          onClick={() => png.mutate(undefined, { onError: notifyError })}
        >
          Visible map as PNG
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileCode size={14} />}
          onClick={() => json.mutate(undefined, { onError: notifyError })}
        >
          Whole map as JSON
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
