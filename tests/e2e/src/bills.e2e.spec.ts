import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { DEMO_COALITION, nav, signIn } from './support/sign-in.js';

/** The demo seed has Solidarity Center (and Humanity United Action) meeting this office in 2 and 5 days. */
const OFFICE = 'Office of Sen. Dana Whitfield (fictional)';

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

/** "YYYY-MM-DDTHH:mm" in the browser's local time, `days` from now. */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  d.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

describe('bill tracker in two real browsers', () => {
  it("warns a lobbyist of Polaris before saving a meeting that overlaps Solidarity Center's, and Solidarity sees it live", async () => {
    const maya = await browsers[0].context.newPage();
    const grace = await browsers[1].context.newPage();
    await signIn(maya, api.baseUrl, 'maya@polaris.demo');
    await signIn(grace, api.baseUrl, 'grace@solidarity.demo');

    // Grace (Solidarity Center) has the meetings page open.
    await nav(grace, 'Meetings').click();
    const graceRow = grace
      .getByRole('row', { name: `Meeting with ${OFFICE}` })
      .filter({ hasText: 'Grace Okafor' });
    await graceRow.waitFor();
    expect(await graceRow.textContent()).not.toContain('Polaris');
    const navigations: string[] = [];
    grace.on('framenavigated', (frame) => navigations.push(frame.url()));

    // Maya (Polaris) logs a meeting with the same office three days from now.
    await nav(maya, 'Meetings').click();
    await maya.getByRole('button', { name: 'Log a meeting' }).click();
    const dialog = maya.getByRole('dialog', { name: 'Log a meeting' });
    await dialog.getByRole('textbox', { name: 'Office' }).fill('Sen. Dana Whitfield (fictional)');
    await dialog.getByLabel('Date and time').fill(localDateTime(3, 10));
    await dialog
      .getByRole('textbox', { name: 'The ask' })
      .fill('Support the Senate companion bill.');

    // The overlap alert shows before saving, naming the other organization.
    const alert = dialog
      .getByRole('alert')
      .filter({ hasText: 'Another organization meets this office' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Solidarity Center');

    await dialog.getByRole('button', { name: 'Save meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Maya's list has her meeting, flagged as overlapping.
    await maya
      .getByRole('row', { name: 'Meeting with Sen. Dana Whitfield (fictional)' })
      .filter({ hasText: 'Support the Senate companion bill.' })
      .filter({ hasText: 'Overlaps with' })
      .waitFor();

    // Grace's page shows the overlap with Polaris by itself (entity:changed), with no reload.
    await graceRow.filter({ hasText: 'Polaris' }).waitFor({ timeout: 10_000 });
    await grace
      .getByLabel('Coordination alerts')
      .filter({ hasText: 'Polaris' })
      .waitFor({ timeout: 10_000 });
    expect(navigations).toEqual([]);
  });

  it('shows the real H.R. 2200 as enacted on its bill page', async () => {
    const maya = await browsers[0].context.newPage();
    await maya.goto(`${api.baseUrl}/`);
    await maya.getByRole('heading', { level: 1, name: DEMO_COALITION }).waitFor();
    await nav(maya, 'Bills').click();
    const bills = maya.getByRole('table', { name: 'Bills' });
    await bills.getByRole('link', { name: 'HR 2200', exact: true }).click();
    await maya.getByRole('heading', { level: 1, name: /^HR 2200:/ }).waitFor();
    await maya.getByRole('progressbar', { name: 'Stage: Enacted' }).waitFor();
    await maya.getByText('Became Public Law No: 115-425.').waitFor();
  });
});
