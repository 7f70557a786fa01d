import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { signIn } from './support/sign-in.js';

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

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
const column = (page: Page, status: string) => page.getByTestId(`task-column-${status}`);
const card = (page: Page, status: string, title: string) =>
  column(page, status).getByTestId('task-card').filter({ hasText: title });

const TITLE = 'Prepare the survivor testimony packet for the Senate hearing';

describe('tasks across organizations, live in two real browsers', () => {
  it("a coordinator assigns a task to org B; B sees it live and starts it; the coordinator's board and dashboard follow", async () => {
    // Maya coordinates (Polaris); Priya works for HEAL Trafficking, a member organization.
    const mayaBoard = await browsers[0].context.newPage();
    const priya = await browsers[1].context.newPage();
    await signIn(mayaBoard, api.baseUrl, 'maya@polaris.demo');
    await signIn(priya, api.baseUrl, 'priya@heal.demo');
    // Maya's second tab stays on the overview, where her dashboard lives.
    const mayaDashboard = await browsers[0].context.newPage();
    await mayaDashboard.goto(mayaBoard.url());
    const dashboard = mayaDashboard.getByTestId('coordination-dashboard');
    await dashboard.waitFor();
    expect(await dashboard.getAttribute('data-scope')).toBe('coalition');
    const openBefore = Number(await mayaDashboard.getByTestId('stat-open').textContent());

    // Wide enough that all six columns show: a drag that scrolls the board would start elsewhere.
    await priya.setViewportSize({ width: 1920, height: 900 });
    await nav(priya, 'Tasks').click();
    await priya.getByTestId('task-board').waitFor();
    const navigations: string[] = [];
    priya.on('framenavigated', (frame) => navigations.push(frame.url()));

    // Maya creates the task on her board and assigns it to HEAL Trafficking.
    await nav(mayaBoard, 'Tasks').click();
    await mayaBoard.getByRole('button', { name: 'New task' }).click();
    const dialog = mayaBoard.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await dialog.getByLabel('Assign to organization').first().click();
    await mayaBoard.getByRole('option', { name: 'HEAL Trafficking' }).click();
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await card(mayaBoard, 'todo', TITLE).waitFor();

    // Priya's board shows it by itself, in To do, assigned to her organization.
    await card(priya, 'todo', TITLE).waitFor({ timeout: 10_000 });
    expect(await card(priya, 'todo', TITLE).textContent()).toContain('HEAL Trafficking');

    // Maya's dashboard counted it, live.
    await mayaDashboard
      .getByTestId('stat-open')
      .filter({ hasText: new RegExp(`^${openBefore + 1}$`) })
      .waitFor({ timeout: 10_000 });

    // Priya drags the card to In progress.
    await card(priya, 'todo', TITLE).dragTo(column(priya, 'in_progress'));
    await card(priya, 'in_progress', TITLE).waitFor({ timeout: 10_000 });

    // Maya's board and dashboard follow without a reload.
    await card(mayaBoard, 'in_progress', TITLE).waitFor({ timeout: 10_000 });
    await mayaDashboard
      .getByTestId('activity-list')
      .getByText(`moved “${TITLE}”`, { exact: false })
      .waitFor({ timeout: 10_000 });
    // The dashboard knows who holds the work: HEAL Trafficking's row counts it.
    await mayaDashboard
      .getByTestId('who-does-what-row')
      .filter({ hasText: 'HEAL Trafficking' })
      .waitFor();
    expect(navigations).toEqual([]);
  });

  it('rolls an optimistic move back with a clear message when the workflow refuses it', async () => {
    const priya = browsers[1].context.pages().at(-1)!;
    const backlogTask = 'Schedule meeting with Rep. Smith district office';
    await card(priya, 'backlog', backlogTask).waitFor();
    // Backlog straight to Done skips the work: the server answers 409 with the allowed statuses.
    await card(priya, 'backlog', backlogTask).dragTo(column(priya, 'done'));
    await priya.getByText('Change undone').waitFor({ timeout: 10_000 });
    await priya.getByText('From here it can go to: To do, In progress, Cancelled.').waitFor();
    await card(priya, 'backlog', backlogTask).waitFor();
    expect(await card(priya, 'done', backlogTask).count()).toBe(0);
  });
});
