import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo-Coalition-2026';
export const DEMO_COALITION = 'Alliance Against Trafficking (demo)';

/** Signs in through the form and waits for the coalition overview. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: DEMO_COALITION }).waitFor();
}

/** An access token from the REST API, for protocol-level checks beside the browser. */
export async function accessToken(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email} answered ${res.status}`);
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

export const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
