import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';

const PASSWORD = 'a-long-enough-e2e-passphrase';

let api: RunningApi;
let browser: RunningBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchBrowser()]);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
}, 30_000);

/** What an authenticator app would show for this secret, `steps` periods from now. */
function codeFor(secret: string, steps = 0): string {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).generate({ timestamp: Date.now() + steps * 30_000 });
}

async function rest<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function signInWithPassword(email: string): Promise<void> {
  await page.goto(`${api.baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

describe('two-factor authentication in a real browser', () => {
  const stamp = Date.now();
  const adminEmail = `mfa-admin-${stamp}@example.org`;
  const memberEmail = `mfa-member-${stamp}@example.org`;

  beforeAll(async () => {
    const admin = await rest<{ accessToken: string }>('/auth/register', {
      email: adminEmail,
      name: 'Noor Admin',
      password: PASSWORD,
      organization: { name: `Two-factor Org ${stamp}`, country: 'US' },
    });
    const invite = await rest<{ token: string }>(
      '/organizations/current/invites',
      { role: 'member' },
      admin.accessToken,
    );
    await rest('/auth/register', {
      email: memberEmail,
      name: 'Mo Member',
      password: PASSWORD,
      inviteToken: invite.token,
    });
  }, 60_000);

  it('lets a user turn two-factor on with the QR code page and sign in again with a code', async () => {
    await signInWithPassword(adminEmail);
    await page.getByRole('button', { name: /^Account menu/ }).waitFor();
    await page.goto(`${api.baseUrl}/account/security`);
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByRole('link', { name: 'Set up two-factor authentication' }).click();

    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = await page.getByRole('textbox', { name: 'Setup key' }).inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('textbox', { name: '6-digit code' }).fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();

    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    await expect(codes.count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByRole('heading', { name: 'Sessions & security', level: 1 }).waitFor();
    await page.getByText('10 recovery codes left.').waitFor();

    // Signing in now takes the password and then a code (the next one: each code works once).
    await signOut();
    await signInWithPassword(adminEmail);
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    // (Unless 000000 happens to be a code of the accepted window: one chance in about 333,000.)
    if (![-1, 0, 1].some((step) => codeFor(secret, step) === '000000'))
      await page.getByText('That code is not correct.').waitFor();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(codeFor(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: /^Account menu for Noor Admin/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('sends members of an organization that requires two-factor to its setup', async () => {
    // The admin (signed in with two-factor just now) requires it of the organization.
    await page.goto(`${api.baseUrl}/organization`);
    const toggle = page.getByRole('switch', {
      name: 'Require two-factor authentication for members',
    });
    await toggle.waitFor();
    await page.getByText('1 active member does not use two-factor authentication yet.').waitFor();
    await toggle.click(); // saved on the server, then shown as on
    await page.getByText('Members now need two-factor authentication.').waitFor();
    await expect(toggle.isChecked()).resolves.toBe(true);
    await signOut();

    await signInWithPassword(memberEmail);
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await page.getByText(/requires two-factor authentication\. Set it up to continue/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/two-factor/setup');
    // Nothing else is reachable until it is on.
    await page.goto(`${api.baseUrl}/account/security`);
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account/security');

    await page.getByRole('button', { name: 'Start setup' }).click();
    const secret = await page.getByRole('textbox', { name: 'Setup key' }).inputValue();
    await page.getByRole('textbox', { name: '6-digit code' }).fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByRole('heading', { name: 'Sessions & security', level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
