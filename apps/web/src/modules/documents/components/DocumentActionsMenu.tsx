import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArchive,
  IconArchiveOff,
  IconDots,
  IconPencil,
  IconShare,
  IconTrash,
} from '@tabler/icons-react';
import type { DocumentDto } from '@coalesce/protocol';
import type { DocumentAbilities } from '../hooks/documentAbilities';

export type DocumentAction = 'rename' | 'share' | 'archive' | 'restore' | 'delete';

interface Props {
  document: DocumentDto;
  abilities: DocumentAbilities;
  onAction: (action: DocumentAction, document: DocumentDto) => void;
}

export function DocumentActionsMenu({ document, abilities, onAction }: Props) {
  const archived = document.archivedAt !== null;
  if (!abilities.edit && !abilities.manage) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${document.title}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {abilities.edit && (
          <Menu.Item
            leftSection={<IconPencil size={16} />}
            onClick={() => onAction('rename', document)}
          >
            Rename
          </Menu.Item>
        )}
        {abilities.manage && !archived && (
          <Menu.Item
            leftSection={<IconShare size={16} />}
            onClick={() => onAction('share', document)}
          >
            Share
          </Menu.Item>
        )}
        {abilities.manage &&
          (archived ? (
            <Menu.Item
              leftSection={<IconArchiveOff size={16} />}
              onClick={() => onAction('restore', document)}
            >
              Restore
            </Menu.Item>
          ) : (
            <Menu.Item
              leftSection={<IconArchive size={16} />}
              onClick={() => onAction('archive', document)}
            >
              Archive
            </Menu.Item>
          ))}
        {abilities.manage && (
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => onAction('delete', document)}
          >
            Delete
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
