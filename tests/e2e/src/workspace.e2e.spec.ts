import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { REPO_ROOT, startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';

const PASSWORD = 'Demo-Coalition-2026';
const COALITION = 'Alliance Against Trafficking (demo)';

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

async function signIn(email: string) {
  await page.goto(`${api.baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: COALITION }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

const nav = (label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });

describe('the coalition workspace in a real browser', () => {
  it('lets a coordinator see the members and create a working group', async () => {
    await signIn('maya@polaris.demo');
    expect(await page.title()).toBe(`Overview · ${COALITION} · Coalesce`);
    await expect(page.getByRole('button', { name: 'Edit details' }).isVisible()).resolves.toBe(
      true,
    );

    await nav('Members').click();
    const members = page.getByRole('table', { name: 'Member organizations' });
    await members.getByText('Northbridge Foundation (fictional)').waitFor();
    await expect(members.getByRole('row').count()).resolves.toBe(7); // header + 6 organizations
    await expect(page.getByRole('button', { name: 'Invite organization' }).count()).resolves.toBe(
      1,
    );
    if (process.env.E2E_SCREENSHOT) {
      mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
      await page.mouse.move(700, 5); // no hover highlight in the picture
      await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshot.png') });
    }

    await nav('Working groups').click();
    await page.getByRole('article', { name: 'Federal policy' }).waitFor();
    await expect(page.getByRole('button', { name: /^Actions for/ }).count()).resolves.toBe(3);
    await page.getByRole('button', { name: 'New working group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New working group' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Hotline data sharing');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Shared hotline trends.');
    await dialog.getByRole('combobox', { name: 'Member organizations' }).click();
    await page.getByRole('option', { name: 'HEAL Trafficking' }).click();
    await page.getByRole('option', { name: 'Polaris' }).click();
    await dialog.getByRole('heading', { name: 'New working group' }).click(); // closes the list
    await dialog.getByRole('button', { name: 'Create working group' }).click();
    const created = page.getByRole('article', { name: 'Hotline data sharing' });
    await created.waitFor();
    await expect(created.getByText('2 organizations').isVisible()).resolves.toBe(true);
    await dialog.waitFor({ state: 'hidden' });

    await signOut();
  });

  it('shows an observer no write actions', async () => {
    await signIn('jordan@northbridge.demo');
    await expect(page.getByRole('button', { name: 'Edit details' }).count()).resolves.toBe(0);
    await expect(nav('Audit log').count()).resolves.toBe(0);

    await nav('Members').click();
    const members = page.getByRole('table', { name: 'Member organizations' });
    await members.getByText('Polaris').first().waitFor();
    await expect(page.getByRole('button', { name: 'Invite organization' }).count()).resolves.toBe(
      0,
    );
    await expect(members.getByRole('combobox', { name: /^Role of/ }).count()).resolves.toBe(0);
    await expect(members.getByRole('button', { name: /^Remove/ }).count()).resolves.toBe(0);

    await nav('Working groups').click();
    await page.getByRole('article', { name: 'Hotline data sharing' }).waitFor();
    await expect(page.getByRole('button', { name: 'New working group' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Actions for/ }).count()).resolves.toBe(0);

    await signOut();
  });

  it('signs up a new organization and shows the empty state', async () => {
    const stamp = Date.now().toString(36);
    await page.getByRole('link', { name: 'Create an account for your organization' }).click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Amina Yusuf');
    await page.getByRole('textbox', { name: 'Work email' }).fill(`amina.${stamp}@example.org`);
    await page.getByRole('textbox', { name: 'Password' }).fill('lantern river 4 orbit');
    await page.getByText('This password meets the policy.').waitFor();
    await page.getByRole('textbox', { name: 'Organization name' }).fill(`Lake Shelter ${stamp}`);
    await page.getByRole('combobox', { name: 'Country' }).fill('Kenya');
    await page.getByRole('option', { name: 'Kenya (KE)' }).click();
    await page.getByRole('combobox', { name: 'Focus areas' }).click();
    await page.getByRole('option', { name: 'Survivor services' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Create account and organization' }).click();

    await page
      .getByRole('heading', { name: `Lake Shelter ${stamp} is not in a coalition yet` })
      .waitFor();
    await expect(
      page.getByRole('button', { name: 'Create a coalition' }).isVisible(),
    ).resolves.toBe(true);
    // The invitations load after the heading: wait for them rather than sample once.
    await page.getByText('No invitations yet.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
