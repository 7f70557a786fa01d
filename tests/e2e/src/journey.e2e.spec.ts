import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { DEMO_COALITION, nav, signIn } from './support/sign-in.js';

/**
 * The journey of a new member organization, in two real browsers, each step relying on the one
 * before: it signs up; Maya (Polaris, coordinator of the demo coalition) invites it and its admin
 * accepts from the inbox; the two co-edit a lobbying plan; it adds a restricted node to a demo case
 * map (Maya sees only a stub); it records a position and logs a meeting that overlaps Solidarity
 * Center's; it claims a task and finishes it while Maya's dashboard follows live; it exports its
 * data. No page error and no console error anywhere along the way.
 */

const STAMP = Date.now().toString(36);
const ORG = `Harbor Watch ${STAMP}`;
const ADMIN_NAME = 'Ana Lima';
const ADMIN_EMAIL = `ana.${STAMP}@example.org`;
const ADMIN_PASSWORD = 'lantern river 4 orbit';
const PLAN_TITLE = `Port inspections: joint plan (${STAMP})`;
const DEMO_MAP = 'Fishing supply chain: forced labor case';
const SECRET_NODE = `Informant ${STAMP}`;
/** The demo seed has Solidarity Center meeting this office in 2 days (and HUA in 5). */
const OFFICE = 'Sen. Dana Whitfield (fictional)';
const TASK = 'Gather signatures from member organizations';
const RATIONALE = `Port inspections need it (${STAMP}).`;
const ASK = `Fund port labor inspectors (${STAMP}).`;

let api: RunningApi;
let browsers: RunningBrowser[] = [];
let maya: Page; // Polaris, coordinator
let ana: Page; // the new organization's admin
let mayaDashboard: Page;
let coalitionUrl = '';
const problems: string[] = [];

/**
 * Chromium logs every 4xx response as a console error. Opened signed out, the app asks
 * /auth/refresh whether a session exists, and 401 is the expected answer when none does: that one
 * response on the signed-out pages is not an error. Any other 4xx/5xx, anywhere, is.
 */
function isSignedOutSessionProbe(pageUrl: string, resourceUrl: string, text: string): boolean {
  return (
    /\/(sign-in|sign-up)$/.test(pageUrl) &&
    resourceUrl.endsWith('/api/v1/auth/refresh') &&
    text.includes('status of 401')
  );
}

/** Every uncaught page error and console error of a browser, wherever it happens. */
function watchForErrors(context: BrowserContext, who: string) {
  context.on('weberror', (error) => problems.push(`${who}: page error: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const pageUrl = message.page()?.url() ?? '';
    const resourceUrl = message.location().url;
    if (isSignedOutSessionProbe(pageUrl, resourceUrl, message.text())) return;
    problems.push(`${who}: console error on ${pageUrl} (${resourceUrl}): ${message.text()}`);
  });
}

/** Set if the server process ends before the journey does (a crash), with its code or signal. */
let serverEnded: string | null = null;

beforeAll(async () => {
  const [started, ...launched] = await Promise.all([startApi(), launchBrowser(), launchBrowser()]);
  api = started;
  browsers = launched;
  void api.exited.then(({ code, signal }) => (serverEnded = signal ?? `code ${code}`));
  watchForErrors(browsers[0].context, 'Maya');
  watchForErrors(browsers[1].context, ORG);
  maya = await browsers[0].context.newPage();
  ana = await browsers[1].context.newPage();
}, 150_000);

afterAll(async () => {
  if (serverEnded) process.stderr.write(`The API ended (${serverEnded}):\n${api.output()}\n`);
  await Promise.all(browsers.map((b) => b.close()));
  await api?.stop();
}, 30_000);

/** Each step relies on the one before, and on the server: say so at once if it has gone. */
beforeEach(() => {
  if (serverEnded) throw new Error(`The API ended (${serverEnded}):\n${api.output().slice(-6000)}`);
});

const editor = (page: Page) => page.getByTestId('editor').locator('.ProseMirror');
const mapNode = (page: Page, name: string) =>
  page.getByTestId('map-node').filter({ hasText: name });
const taskCard = (page: Page, status: string, title: string) =>
  page.getByTestId(`task-column-${status}`).getByTestId('task-card').filter({ hasText: title });

/** Generous bounds: a 2-core machine, often busy; the first open of a page loads its lazy chunk. */
const SLOW = 30_000;

async function waitSaved(page: Page) {
  await page
    .getByTestId('doc-status')
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: SLOW });
}

/** Polls the editor's text (caret labels of other people sit inside it, so no text locator). */
async function editorContains(page: Page, text: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = (await editor(page).textContent()) ?? '';
    if (now.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`the editor never showed "${text}"; it has: ${now}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function typeAtEnd(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 15 });
}

async function numberIn(locator: Locator): Promise<number> {
  return Number(await locator.textContent());
}

async function waitForNumber(locator: Locator, expected: number) {
  await locator.filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: SLOW });
}

/** "YYYY-MM-DDTHH:mm" in the browser's local time, `days` from now. */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  d.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/**
 * Runs in the page: records the value of the export progress bar each time the DOM changes while it
 * is shown, in `window.exportProgressSeen` (the bar can come and go between two polls).
 */
const RECORD_EXPORT_PROGRESS = `(() => {
  const seen = [];
  window.exportProgressSeen = seen;
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"][aria-label="Export progress"]');
    if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? '?');
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

describe('a new organization’s first days in the coalition, in two real browsers', () => {
  it('1. signs up a new organization through the form', async () => {
    await ana.goto(`${api.baseUrl}/sign-up`);
    await ana.getByRole('textbox', { name: 'Your name' }).fill(ADMIN_NAME);
    await ana.getByRole('textbox', { name: 'Work email' }).fill(ADMIN_EMAIL);
    await ana.getByRole('textbox', { name: 'Password' }).fill(ADMIN_PASSWORD);
    await ana.getByText('This password meets the policy.').waitFor();
    await ana.getByRole('textbox', { name: 'Organization name' }).fill(ORG);
    await ana.getByRole('combobox', { name: 'Country' }).fill('Kenya');
    await ana.getByRole('option', { name: 'Kenya (KE)' }).click();
    await ana.getByRole('combobox', { name: 'Focus areas' }).click();
    await ana.getByRole('option', { name: 'Labor rights' }).click();
    await ana.keyboard.press('Escape');
    await ana.getByRole('button', { name: 'Create account and organization' }).click();

    await ana.getByRole('heading', { name: `${ORG} is not in a coalition yet` }).waitFor();
    await ana.getByText('No invitations yet.').waitFor();
  });

  it('2. Maya invites it from the members page; its admin accepts from the inbox and lands in the coalition', async () => {
    await signIn(maya, api.baseUrl, 'maya@polaris.demo');
    coalitionUrl = maya.url();
    await nav(maya, 'Members').click();
    await maya.getByRole('button', { name: 'Invite organization' }).click();
    const dialog = maya.getByRole('dialog', { name: 'Invite an organization' });
    // The picker searches the directory as one types (debounced): a click while the list is
    // being replaced can miss, so pick until the field shows the organization.
    const picker = dialog.getByRole('combobox', { name: 'Organization' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await picker.fill(STAMP);
      await new Promise((r) => setTimeout(r, 400));
      await maya.getByRole('option', { name: `${ORG} · Kenya` }).click();
      if ((await picker.inputValue()).includes(ORG)) break;
    }
    expect(await picker.inputValue()).toContain(ORG);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = await dialog.getByRole('textbox', { name: 'Acceptance link' }).inputValue();
    expect(link).toMatch(/\/accept-coalition-invite\?token=\S{20,}$/);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The invitation is in the organization's inbox the next time its admin looks.
    await ana.reload();
    const inbox = ana.getByLabel('Coalition invitations');
    await inbox.getByText(DEMO_COALITION).waitFor();
    await inbox.getByRole('button', { name: 'Accept' }).click();
    await ana.getByRole('heading', { level: 1, name: DEMO_COALITION }).waitFor();
    await nav(ana, 'Documents').waitFor();

    // Maya's member list shows the new member without a reload.
    await maya
      .getByRole('table', { name: 'Member organizations' })
      .getByText(ORG)
      .waitFor({ timeout: SLOW });
  });

  it('3. co-edits a lobbying plan Maya starts: what one types appears for the other', async () => {
    await nav(maya, 'Documents').click();
    await maya.getByTestId('new-document').click();
    const dialog = maya.getByRole('dialog', { name: 'New document' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(PLAN_TITLE);
    await dialog.getByRole('combobox', { name: 'Start from' }).click();
    await maya.getByRole('option', { name: 'Lobbying plan' }).click();
    await dialog.getByRole('button', { name: 'Create document' }).click();
    await maya.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await waitSaved(maya);
    await editorContains(maya, 'The ask', SLOW);

    await nav(ana, 'Documents').click();
    await ana.getByRole('link', { name: PLAN_TITLE }).click();
    await ana.waitForURL(maya.url());
    await waitSaved(ana);
    await editorContains(ana, 'The ask', SLOW);

    const fromAna = `${ORG} covers the port inspectors' union.`;
    await typeAtEnd(ana, fromAna);
    await editorContains(maya, fromAna, 5_000);
    const fromMaya = 'Polaris brings the hotline data on seafood cases.';
    await typeAtEnd(maya, fromMaya);
    await editorContains(ana, fromMaya, 5_000);
    await Promise.all([waitSaved(maya), waitSaved(ana)]);
    // Each sees the other in the plan's presence.
    await ana
      .getByTestId('doc-presence')
      .getByLabel(/Maya Ortiz/)
      .waitFor();
    await maya.getByTestId('doc-presence').getByLabel(new RegExp(ADMIN_NAME)).waitFor();
  });

  it('4. adds a restricted node to a demo case map: Maya sees a stub without its name, the author sees it in full', async () => {
    await nav(ana, 'Case maps').click();
    await ana.getByRole('link', { name: DEMO_MAP }).click();
    await ana.waitForURL(/\/case-maps\/[0-9a-f-]{36}$/);
    await waitSaved(ana);
    await maya.goto(ana.url());
    await waitSaved(maya);

    await ana.getByRole('button', { name: 'Add node' }).click();
    await ana.getByRole('menuitem', { name: 'Person', exact: true }).click();
    const dialog = ana.getByRole('dialog', { name: 'Add a node' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(SECRET_NODE);
    await dialog.getByText('Restricted', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Add node' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await mapNode(ana, SECRET_NODE).waitFor();
    await waitSaved(ana);

    const stub = maya.getByTestId('redacted-node').filter({ hasText: `held by ${ORG}` });
    await stub.waitFor({ timeout: SLOW });
    expect(await stub.textContent()).toContain('Restricted person');
    // Maya's page holds the name nowhere (DOM, attributes); the author's does.
    expect(await maya.content()).not.toContain(SECRET_NODE);
    expect(await ana.content()).toContain(SECRET_NODE);
  });

  it('5. records a position on a demo bill and logs a meeting that overlaps another organization’s', async () => {
    await nav(ana, 'Bills').click();
    await ana.getByRole('table', { name: 'Bills' }).getByRole('link', { name: 'HR 6552' }).click();
    await ana.getByRole('heading', { level: 1, name: /^HR 6552:/ }).waitFor();
    const form = ana.getByRole('form', { name: 'Our position' });
    await form.getByRole('combobox', { name: 'Position' }).click();
    await ana.getByRole('option', { name: 'Support', exact: true }).click();
    await form.getByRole('textbox', { name: 'Rationale' }).fill(RATIONALE);
    await form.getByRole('button', { name: 'Save position' }).click();
    await ana
      .getByRole('table', { name: 'Positions' })
      .getByRole('row')
      .filter({ hasText: ORG })
      .filter({ hasText: 'Support' })
      .waitFor();

    // Yesterday's meeting with the office Solidarity Center meets the day after tomorrow.
    await nav(ana, 'Meetings').click();
    await ana.getByRole('button', { name: 'Log a meeting' }).click();
    const meeting = ana.getByRole('dialog', { name: 'Log a meeting' });
    await meeting.getByRole('textbox', { name: 'Office' }).fill(OFFICE);
    await meeting.getByLabel('Date and time').fill(localDateTime(-1, 11));
    await meeting.getByRole('textbox', { name: 'The ask' }).fill(ASK);
    const alert = meeting
      .getByRole('alert')
      .filter({ hasText: 'Another organization meets this office' });
    await alert.waitFor({ timeout: SLOW });
    expect(await alert.textContent()).toContain('Solidarity Center');
    await meeting.getByRole('button', { name: 'Save meeting' }).click();
    await meeting.waitFor({ state: 'detached' });
    // The list shows upcoming meetings by default; this one is past.
    await ana.locator('label').filter({ hasText: /^All$/ }).click();
    await ana
      .getByRole('row', { name: `Meeting with ${OFFICE}` })
      .filter({ hasText: ASK })
      .filter({ hasText: 'Past' })
      .filter({ hasText: /Overlaps with .*Solidarity Center/ })
      .waitFor();
  });

  it('6. claims an open task and finishes it; Maya’s dashboard follows live', async () => {
    mayaDashboard = await browsers[0].context.newPage();
    await mayaDashboard.goto(coalitionUrl);
    const dashboard = mayaDashboard.getByTestId('coordination-dashboard');
    await dashboard.waitFor({ timeout: SLOW });
    expect(await dashboard.getAttribute('data-scope')).toBe('coalition');
    const openBefore = await numberIn(mayaDashboard.getByTestId('stat-open'));
    const claimsBefore = await numberIn(mayaDashboard.getByTestId('stat-claims'));
    const navigations: string[] = [];
    mayaDashboard.on('framenavigated', (frame) => navigations.push(frame.url()));

    await nav(ana, 'Tasks').click();
    await taskCard(ana, 'todo', TASK).click();
    const detail = ana.getByTestId('task-detail');
    await detail.getByRole('button', { name: 'Claim for my organization (14 days)' }).click();
    await detail.getByText(`Claimed by ${ORG}`).waitFor();
    await taskCard(ana, 'todo', TASK)
      .filter({ hasText: `Claimed by ${ORG}` })
      .waitFor();

    await waitForNumber(mayaDashboard.getByTestId('stat-claims'), claimsBefore + 1);
    const feed = mayaDashboard.getByTestId('activity-list');
    await feed.getByText(`${ADMIN_NAME} (${ORG}) claimed “${TASK}”`).waitFor({ timeout: SLOW });

    await detail.getByRole('combobox', { name: 'Status' }).click();
    await ana.getByRole('option', { name: 'Done', exact: true }).click();
    await taskCard(ana, 'done', TASK).waitFor({ timeout: SLOW });

    await waitForNumber(mayaDashboard.getByTestId('stat-open'), openBefore - 1);
    await feed.getByText(`${ADMIN_NAME} (${ORG}) moved “${TASK}”`).waitFor({ timeout: SLOW });
    expect(navigations).toEqual([]);
    await ana.keyboard.press('Escape');
  });

  it('7. its admin exports the organization’s data: a progress bar, then a ZIP whose manifest names it', async () => {
    await nav(ana, 'Organization').click();
    await ana.getByRole('tab', { name: 'Our data' }).click();
    // The progress bar may come and go quickly for a young organization: record every sighting.
    await ana.evaluate(RECORD_EXPORT_PROGRESS);
    await ana.getByRole('button', { name: 'Export our data' }).click();
    const downloadButton = ana.getByRole('button', { name: /^Download coalesce-.+\.zip$/ });
    await downloadButton.waitFor({ timeout: 60_000 });
    const seen = (await ana.evaluate('window.exportProgressSeen')) as string[];
    expect(seen.length).toBeGreaterThan(0);

    const [download] = await Promise.all([ana.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^coalesce-.+\.zip$/);
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(0);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(files['manifest.json']).toBeDefined();
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      organization: { name: string };
      coalitions: Array<{ name: string }>;
    };
    expect(manifest.organization.name).toBe(ORG);
    expect(manifest.coalitions.map((c) => c.name)).toContain(DEMO_COALITION);
    // What the organization did on the way is in it: its position, its meeting, and the restricted
    // node it keeps in its private layer of another organization's map.
    const holding = (text: string) =>
      Object.keys(files).filter((name) => strFromU8(files[name]).includes(text));
    expect(holding(RATIONALE)).not.toEqual([]);
    expect(holding(ASK)).not.toEqual([]);
    expect(holding(SECRET_NODE)).not.toEqual([]);
  });

  it('8. met no page error and no console error on the way', () => {
    expect(problems).toEqual([]);
  });
});
