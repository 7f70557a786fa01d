import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { isApiError } from '../../../lib/ApiError';
import { ReauthContext } from '../hooks/reauthContext';
import type { ReauthContextValue } from '../hooks/reauthContext';
import { ReauthModal } from './ReauthModal';

interface Pending {
  resolve: () => void;
  reject: () => void;
}

/**
 * Lets any action of the signed-in app survive REAUTH_REQUIRED: the modal asks the user to
 * confirm it is them, and the action is retried. Concurrent refusals share one prompt.
 */
export function ReauthProvider({
  children,
  needsCode,
}: {
  children: ReactNode;
  /** Ask for an authenticator or recovery code as well (two-factor is on). */
  needsCode: boolean;
}) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Pending[]>([]);

  const settle = useCallback((confirmed: boolean) => {
    const pending = waiting.current;
    waiting.current = [];
    setOpen(false);
    for (const p of pending) (confirmed ? p.resolve : p.reject)();
  }, []);

  const withReauth = useCallback(async <T,>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (!isApiError(error) || error.code !== 'REAUTH_REQUIRED') throw error;
      await new Promise<void>((resolve, reject) => {
        waiting.current.push({ resolve, reject: () => reject(error) });
        setOpen(true);
      });
      return action();
    }
  }, []);

  const value = useMemo<ReauthContextValue>(() => ({ withReauth }), [withReauth]);
  return (
    <ReauthContext value={value}>
      {children}
      <ReauthModal
        opened={open}
        needsCode={needsCode}
        onConfirmed={() => settle(true)}
        onCancel={() => settle(false)}
      />
    </ReauthContext>
  );
}
