import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TwoFactorEnrolmentDto } from '@coalesce/protocol';
import { errorResponse, fakeResponse } from '../../../test/fakeResponse';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ReauthProvider } from './ReauthProvider';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';

const ENROLMENT: TwoFactorEnrolmentDto = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri:
    'otpauth://totp/Coalesce:ana%40example.org?issuer=Coalesce&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
  issuer: 'Coalesce',
  accountName: 'ana@example.org',
  digits: 6,
  periodSeconds: 30,
};
const CODES = Array.from({ length: 10 }, (_, i) => `ab${i}c-d3fg-h${i}jk`);

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** A stand-in for the API at the fetch edge: asks to re-authenticate once, then behaves. */
function fakeApi() {
  const calls: Call[] = [];
  let reauthenticated = false;
  const fetchMock = jest.fn(async (url: unknown, init?: RequestInit) => {
    const path = String(url).replace('/api/v1', '');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    if (path === '/auth/mfa/enrolment' && method === 'POST') {
      return reauthenticated
        ? fakeResponse(201, ENROLMENT)
        : errorResponse(403, 'REAUTH_REQUIRED', 'Confirm it is you.');
    }
    if (path === '/auth/reauth') {
      if ((body as { password: string }).password !== 'my-password') {
        return errorResponse(400, 'VALIDATION_FAILED', 'Some fields are invalid.', {
          fields: [{ path: 'password', message: 'The password is not correct.' }],
        });
      }
      reauthenticated = true;
      return fakeResponse(200, { authenticatedAt: 'x', validUntil: 'y' });
    }
    if (path === '/auth/mfa/enrolment/confirm') {
      return (body as { code: string }).code === '123456'
        ? fakeResponse(200, { recoveryCodes: CODES })
        : errorResponse(400, 'VALIDATION_FAILED', 'Some fields are invalid.', {
            fields: [{ path: 'code', message: 'That code is not correct.' }],
          });
    }
    if (path === '/auth/mfa' || path === '/me') return fakeResponse(200, {});
    throw new Error(`Unexpected request ${method} ${path}`);
  });
  return { calls, fetchMock };
}

const realFetch = globalThis.fetch;
let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  api = fakeApi();
  globalThis.fetch = api.fetchMock as unknown as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('TwoFactorEnrolment', () => {
  it('confirms it is you, shows the QR code and the key, checks the code, then shows the recovery codes once', async () => {
    const onDone = jest.fn();
    renderWithProviders(
      <ReauthProvider needsCode={false}>
        <TwoFactorEnrolment onDone={onDone} />
      </ReauthProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Start setup' }));

    // The server wants a recent sign-in: the password is asked for, then the start is retried.
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    expect(within(dialog).queryByLabelText(/Authentication code/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/^Password/, { selector: 'input' }), {
      target: { value: 'wrong' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText('The password is not correct.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Password/, { selector: 'input' }), {
      target: { value: 'my-password' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0);
    const key = screen.getByRole('textbox', { name: 'Setup key' }) as HTMLInputElement;
    expect(key.value).toBe(ENROLMENT.secret);
    expect(screen.getByText(/ana@example\.org at Coalesce/)).toBeTruthy();
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /auth/mfa/enrolment',
      'POST /auth/reauth',
      'POST /auth/reauth',
      'POST /auth/mfa/enrolment',
    ]);

    // Checked on the client first, then by the server.
    const code = screen.getByRole('textbox', { name: /6-digit code/ });
    fireEvent.change(code, { target: { value: '12a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor' }));
    expect(
      await screen.findByText('Enter the 6-digit code from your authenticator app.'),
    ).toBeTruthy();
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor' }));
    expect(await screen.findByText('That code is not correct.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();

    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(CODES);
    expect(
      api.calls.filter((c) => c.path === '/auth/mfa/enrolment/confirm').map((c) => c.body),
    ).toEqual([{ code: '654321' }, { code: '123456' }]);
    expect(screen.queryByRole('img', { name: 'QR code for your authenticator app' })).toBeNull();

    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('shows why setup could not start when the user cancels the confirmation', async () => {
    renderWithProviders(
      <ReauthProvider needsCode>
        <TwoFactorEnrolment onDone={() => undefined} />
      </ReauthProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start setup' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    expect(
      within(dialog).getByLabelText(/Authentication code/, { selector: 'input' }),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Confirm it is you');
    expect(screen.queryByRole('img', { name: 'QR code for your authenticator app' })).toBeNull();
  });
});
