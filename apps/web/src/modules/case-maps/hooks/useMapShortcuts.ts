import { useEffect, useRef } from 'react';

export interface MapShortcutHandlers {
  onDelete(): void;
  onUndo(): void;
  onRedo(): void;
  onCopy(): void;
  onPaste(): void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

/**
 * Keyboard shortcuts of the canvas: Delete/Backspace, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y,
 * Ctrl/Cmd+C and Ctrl/Cmd+V. Keys typed in a form field or a dialog keep their usual meaning.
 */
export function useMapShortcuts(enabled: boolean, handlers: MapShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingIn(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const h = latest.current;
      let handled = true;
      if (key === 'delete' || key === 'backspace') h.onDelete();
      else if (mod && key === 'z' && event.shiftKey) h.onRedo();
      else if (mod && key === 'z') h.onUndo();
      else if (mod && key === 'y') h.onRedo();
      else if (mod && key === 'c' && !window.getSelection()?.toString()) h.onCopy();
      else if (mod && key === 'v') h.onPaste();
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
