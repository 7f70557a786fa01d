import { useEffect, useRef } from 'react';

/** Mod-Alt-M anywhere on the page starts a comment (also for commenters, whose editor is read-only). */
export function useCommentShortcut(onComment: () => void, enabled: boolean): void {
  const callback = useRef(onComment);
  callback.current = onComment;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // event.code: with Alt held, macOS turns event.key into "µ".
      if (event.code === 'KeyM' && event.altKey && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        callback.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
