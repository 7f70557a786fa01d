import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';
import type { HttpClient } from '../../../lib/httpClient';
import { authApi } from '../api/authApi';
import type { RegisterRequest } from '../api/authApi';
import { AuthContext } from '../hooks/authContext';
import type { AuthContextValue, AuthStatus } from '../hooks/authContext';

/**
 * Owns the session: restores it from the refresh cookie on start, signs in, up and out, and
 * notices when the server ends it (revoked elsewhere, account disabled).
 */
export function AuthProvider({
  children,
  client = http,
}: {
  children: ReactNode;
  client?: HttpClient;
}) {
  const queryClient = useQueryClient();
  const [status, setStatusState] = useState<AuthStatus>('restoring');
  const [endedMessage, setEndedMessage] = useState<string | null>(null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);
  const statusRef = useRef<AuthStatus>('restoring');

  const setStatus = useCallback((next: AuthStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);

  useEffect(() => {
    let active = true;
    client.refresh().then(
      () => active && setStatus('signed-in'),
      () => active && setStatus('signed-out'),
    );
    return () => {
      active = false;
    };
  }, [client, setStatus]);

  useEffect(
    () =>
      client.onSessionEnded((error) => {
        if (statusRef.current === 'signed-in') setEndedMessage(error.message);
        setSignedOutByUser(false);
        setStatus('signed-out');
        queryClient.clear();
      }),
    [client, queryClient, setStatus],
  );

  const startSession = useCallback(
    (accessToken: string) => {
      client.setAccessToken(accessToken);
      queryClient.clear();
      setEndedMessage(null);
      setSignedOutByUser(false);
      setStatus('signed-in');
    },
    [client, queryClient, setStatus],
  );

  const signIn = useCallback(
    async (input: LoginInput) => startSession((await authApi.login(input)).accessToken),
    [startSession],
  );

  const signUp = useCallback(
    async (input: RegisterRequest) => startSession((await authApi.register(input)).accessToken),
    [startSession],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    client.setAccessToken(null);
    setSignedOutByUser(true);
    setEndedMessage(null);
    setStatus('signed-out');
    queryClient.clear();
  }, [client, queryClient, setStatus]);

  const value = useMemo<AuthContextValue>(
    () => ({ status, endedMessage, signedOutByUser, signIn, signUp, signOut }),
    [status, endedMessage, signedOutByUser, signIn, signUp, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
