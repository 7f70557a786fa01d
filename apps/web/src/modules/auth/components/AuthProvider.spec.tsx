import { describe, expect, it, jest } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createHttpClient } from '../../../lib/httpClient';
import { errorResponse, fakeResponse } from '../../../test/fakeResponse';
import { useAuth } from '../hooks/useAuth';
import { AuthProvider } from './AuthProvider';

function Status() {
  const { status, endedMessage } = useAuth();
  return (
    <p>
      status: {status}
      {endedMessage && ` (${endedMessage})`}
    </p>
  );
}

function renderWith(responses: Response[]) {
  const fetchMock = jest.fn(async () => {
    const next = responses.shift();
    if (!next) throw new Error('Unexpected request');
    return next;
  });
  const client = createHttpClient({
    fetch: fetchMock as unknown as typeof fetch,
    lock: (run) => run(),
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AuthProvider client={client}>
        <Status />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { client, fetchMock };
}

describe('AuthProvider', () => {
  it('restores the session from the refresh cookie on start', async () => {
    const { client, fetchMock } = renderWith([
      fakeResponse(200, { accessToken: 'restored', expiresIn: 900 }),
    ]);
    expect(screen.getByText('status: restoring')).toBeTruthy();
    expect(await screen.findByText('status: signed-in')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual([
      '/api/v1/auth/refresh',
      expect.objectContaining({ method: 'POST', credentials: 'include' }),
    ]);
    expect(client.hasAccessToken()).toBe(true);
  });

  it('is signed out when there is no session to restore', async () => {
    renderWith([errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.')]);
    expect(await screen.findByText('status: signed-out')).toBeTruthy();
    expect(screen.queryByText(/Sign in to continue/)).toBeNull();
  });

  it('signs out and explains why when the server ends the session', async () => {
    const { client } = renderWith([
      fakeResponse(200, { accessToken: 'restored', expiresIn: 900 }),
      errorResponse(401, 'SESSION_REVOKED', 'Your session has ended. Please sign in again.'),
    ]);
    await screen.findByText('status: signed-in');
    await act(async () => {
      await client.get('/me').catch(() => undefined);
    });
    expect(
      screen.getByText('status: signed-out (Your session has ended. Please sign in again.)'),
    ).toBeTruthy();
    expect(client.hasAccessToken()).toBe(false);
  });
});
