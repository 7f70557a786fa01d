import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';

const PASSWORD = 'Demo-Coalition-2026';
const COALITION = 'Alliance Against Trafficking (demo)';

let api: RunningApi;
let browsers: RunningBrowser[] = [];

beforeAll(async () => {
  const [started, ...launched] = await Promise.all([startApi(), launchBrowser(), launchBrowser()]);
  api = started;
  browsers = launched;
}, 120_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await api?.stop();
}, 30_000);

async function signIn(page: Page, email: string) {
  await page.goto(`${api.baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: COALITION }).waitFor();
}

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });

describe('live by default, in two real browsers', () => {
  it("shows who is online and another coordinator's new working group without a reload", async () => {
    const maya = await browsers[0].context.newPage();
    const grace = await browsers[1].context.newPage();
    await signIn(maya, 'maya@polaris.demo');
    await signIn(grace, 'grace@solidarity.demo');

    // Presence: each sees the other in the header.
    await grace.getByRole('img', { name: 'Maya Ortiz, Polaris' }).waitFor();
    await maya.getByRole('img', { name: 'Grace Okafor, Solidarity Center' }).waitFor();

    await nav(grace, 'Working groups').click();
    await grace.getByRole('article', { name: 'Federal policy' }).waitFor();
    const navigations: string[] = [];
    grace.on('framenavigated', (frame) => navigations.push(frame.url()));

    await nav(maya, 'Working groups').click();
    await maya.getByRole('button', { name: 'New working group' }).click();
    const dialog = maya.getByRole('dialog', { name: 'New working group' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Seafood import bans');
    await dialog.getByRole('button', { name: 'Create working group' }).click();
    await maya.getByRole('article', { name: 'Seafood import bans' }).waitFor();

    // Grace's page updates by itself (pushed entity:changed), with no navigation or reload.
    await grace.getByRole('article', { name: 'Seafood import bans' }).waitFor({ timeout: 10_000 });
    expect(navigations).toEqual([]);
  });
});
