import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { nav, signIn } from './support/sign-in.js';

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

describe('live by default, in two real browsers', () => {
  it("shows who is online and another coordinator's new working group without a reload", async () => {
    const maya = await browsers[0].context.newPage();
    const grace = await browsers[1].context.newPage();
    await signIn(maya, api.baseUrl, 'maya@polaris.demo');
    await signIn(grace, api.baseUrl, 'grace@solidarity.demo');

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
