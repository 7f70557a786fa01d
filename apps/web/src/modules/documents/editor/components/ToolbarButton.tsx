import type { ReactNode } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';

interface ToolbarButtonProps {
  label: string;
  /** Shown in the tooltip, e.g. "Ctrl+B". */
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

export function ToolbarButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: ToolbarButtonProps) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label} withArrow openDelay={300}>
      <ActionIcon
        variant={active ? 'light' : 'subtle'}
        color={active ? 'blue' : 'gray'}
        size="md"
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        // Keeps the editor's selection: the click must not move the focus.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
