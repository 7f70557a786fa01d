import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isMfaChallenge } from '@coalesce/protocol';
import type { LoginInput, MfaChallengeDto } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';
import type { HttpClient } from '../../../lib/httpClient';
import { twoFactorApi } from '../../two-factor/api/twoFactorApi';
import { authApi, meQueryKey } from '../api/authApi';
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

  // An organization started requiring two-factor: GET /me again, and the app routes to enrolment.
  useEffect(
    () =>
      client.onMfaEnrolmentRequired(() => {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }),
    [client, queryClient],
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
    async (input: LoginInput): Promise<MfaChallengeDto | null> => {
      const response = await authApi.login(input);
      if (isMfaChallenge(response)) return response;
      startSession(response.accessToken);
      return null;
    },
    [startSession],
  );

  const completeSignIn = useCallback(
    async (challengeToken: string, code: string) =>
      startSession((await twoFactorApi.verify({ challengeToken, code })).accessToken),
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
    () => ({ status, endedMessage, signedOutByUser, signIn, completeSignIn, signUp, signOut }),
    [status, endedMessage, signedOutByUser, signIn, completeSignIn, signUp, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
