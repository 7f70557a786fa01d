import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT, startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { accessToken, DEMO_COALITION, signIn } from './support/sign-in.js';

/**
 * Case maps end to end: two organizations co-edit one map in two real browsers (a node added by one
 * shows for the other within a second; a move moves it for both), and a restricted node shows as a
 * stub to the other organization (its name nowhere in that browser) and in full to its owner.
 */

let api: RunningApi;
let browsers: RunningBrowser[] = [];
let maya: Page; // Polaris
let grace: Page; // Solidarity Center
let mapUrl = '';
let secretName = '';
const SCREENSHOTS = join(REPO_ROOT, 'tmp/e2e-screenshots');

async function createMap(baseUrl: string): Promise<{ coalitionId: string; mapId: string }> {
  const token = await accessToken(baseUrl, 'maya@polaris.demo');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const coalitions = (await (
    await fetch(`${baseUrl}/api/v1/coalitions`, { headers })
  ).json()) as Array<{
    id: string;
    name: string;
  }>;
  const coalition = coalitions.find((c) => c.name === DEMO_COALITION);
  if (!coalition) throw new Error(`no demo coalition in ${JSON.stringify(coalitions)}`);
  const res = await fetch(`${baseUrl}/api/v1/coalitions/${coalition.id}/documents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Tunago No. 61 (e2e)',
      kind: 'case-map',
      coalitionPermission: 'edit',
    }),
  });
  if (!res.ok) throw new Error(`creating the map answered ${res.status}: ${await res.text()}`);
  const map = (await res.json()) as { id: string };
  return { coalitionId: coalition.id, mapId: map.id };
}

beforeAll(async () => {
  const [started, ...launched] = await Promise.all([startApi(), launchBrowser(), launchBrowser()]);
  api = started;
  browsers = launched;
  maya = await browsers[0].context.newPage();
  grace = await browsers[1].context.newPage();
  await signIn(maya, api.baseUrl, 'maya@polaris.demo');
  await signIn(grace, api.baseUrl, 'grace@solidarity.demo');
  const { coalitionId, mapId } = await createMap(api.baseUrl);
  mapUrl = `${api.baseUrl}/c/${coalitionId}/case-maps/${mapId}`;
}, 150_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await api?.stop();
}, 30_000);

const status = (page: Page) => page.getByTestId('doc-status');
const mapNode = (page: Page, name: string) =>
  page.getByTestId('map-node').filter({ hasText: name });
/** React Flow's wrapper of a node (its transform is the node's position in flow coordinates). */
const flowNode = (card: Locator) =>
  card.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]');

async function waitSaved(page: Page) {
  await status(page).filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

async function addNode(page: Page, type: string, name: string, sensitivity?: string) {
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('menuitem', { name: type, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a node' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  if (sensitivity) await dialog.getByText(sensitivity, { exact: true }).click();
  await dialog.getByRole('button', { name: 'Add node' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The element's box once the view stopped moving (the canvas zooms to fit its first nodes). */
async function stableBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await locator.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  throw new Error('the node never stopped moving on screen');
}

async function transformOf(card: Locator): Promise<string> {
  const style = (await flowNode(card).getAttribute('style')) ?? '';
  return /transform:\s*([^;]+)/.exec(style)?.[1]?.trim() ?? '';
}

async function waitForTransform(card: Locator, expected: string, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await transformOf(card);
    if (now === expected) return;
    if (Date.now() > deadline) throw new Error(`position stayed ${now}, expected ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('case maps, in real browsers', () => {
  it('opens the same map for two organizations, with each other’s presence', async () => {
    await Promise.all([maya.goto(mapUrl), grace.goto(mapUrl)]);
    await Promise.all([waitSaved(maya), waitSaved(grace)]);
    await maya
      .getByTestId('doc-presence')
      .getByLabel(/Grace Okafor/)
      .waitFor();
    await grace
      .getByTestId('doc-presence')
      .getByLabel(/Maya Ortiz/)
      .waitFor();
  });

  it('shows a node added by one organization to the other within a second', async () => {
    const name = 'Tunago No. 61 crew';
    await maya.getByRole('button', { name: 'Add node' }).click();
    await maya.getByRole('menuitem', { name: 'Vessel', exact: true }).click();
    const dialog = maya.getByRole('dialog', { name: 'Add a node' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    // From Maya's Enter (the form submits: no waiting for animations) until Grace's canvas shows it.
    const addedAt = Date.now();
    await maya.keyboard.press('Enter');
    await mapNode(grace, name).waitFor({ timeout: 5_000 });
    expect(Date.now() - addedAt).toBeLessThan(1_000);
    await mapNode(maya, name).waitFor();
    await waitSaved(maya);

    // Grace's pointer and selection show on Maya's canvas, with her name and organization.
    const card = await stableBox(mapNode(grace, name));
    await grace.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await grace.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
    await maya
      .getByTestId('remote-cursor')
      .filter({ hasText: 'Grace Okafor · Solidarity Center' })
      .waitFor();
    await mapNode(maya, name)
      .getByTestId('remote-selection')
      .filter({ hasText: 'Grace Okafor' })
      .waitFor();
    await grace.keyboard.press('Escape');
    await grace.mouse.move(5, 5);
  });

  it('moves the node for both when one drags it', async () => {
    const name = 'Tunago No. 61 crew';
    const mine = mapNode(maya, name);
    const theirs = mapNode(grace, name);
    const before = await transformOf(theirs);
    expect(await transformOf(mine)).toBe(before);

    const box = await stableBox(mine);
    await maya.mouse.move(box.x + 30, box.y + 15);
    await maya.mouse.down();
    for (let i = 1; i <= 10; i++) await maya.mouse.move(box.x + 30 + i * 18, box.y + 15 + i * 9);
    await maya.mouse.up();

    const after = await transformOf(mine);
    expect(after).not.toBe(before);
    await waitForTransform(theirs, after);
    await waitSaved(maya);
  });

  it('shows a restricted node as a stub to the other organization and in full to its owner', async () => {
    const secret = `Recruiter ${randomUUID().slice(0, 8)}`;
    await addNode(maya, 'Person', secret, 'Restricted');
    await mapNode(maya, secret).waitFor();
    await waitSaved(maya);

    const stub = grace.getByTestId('redacted-node').filter({ hasText: 'held by Polaris' });
    await stub.waitFor({ timeout: 5_000 });
    await expect(stub.textContent()).resolves.toContain('Restricted person');
    // The name is nowhere in Grace's page: not in the DOM, not in any attribute.
    const graceHtml = await grace.content();
    expect(graceHtml).not.toContain(secret);
    const mayaHtml = await maya.content();
    expect(mayaHtml).toContain(secret);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await maya.screenshot({ path: join(SCREENSHOTS, 'case-map-owner.png') });
    await grace.screenshot({ path: join(SCREENSHOTS, 'case-map-other-org.png') });

    await stub.getByRole('button', { name: 'Request access' }).click();
    await grace.getByText('Access requested').waitFor();
    secretName = secret;
  });

  it('lets the owner grant its layer from the request: the other organization then reads the node', async () => {
    await maya.getByTestId('access-button').click();
    const request = maya.getByTestId('access-request').filter({ hasText: 'Solidarity Center' });
    await request.getByText('Waiting for an answer').waitFor();
    await request.getByRole('button', { name: 'Grant our layer' }).click();
    await request.getByText('Layer granted').waitFor();
    // Grace's canvas opens Polaris's layer live and shows the node in full.
    await mapNode(grace, secretName).waitFor({ timeout: 10_000 });
    await expect(grace.getByTestId('redacted-node').count()).resolves.toBe(0);
    await grace.getByTestId('access-button').click();
    await grace
      .getByTestId('access-request')
      .filter({ hasText: 'Your request to Polaris' })
      .getByText('Layer granted')
      .waitFor();
    await grace.keyboard.press('Escape');
    await maya.keyboard.press('Escape');
  });

  it('undoes only the user’s own edits, for everyone', async () => {
    await addNode(grace, 'Location', 'Pago Pago (Grace)');
    await mapNode(maya, 'Pago Pago (Grace)').waitFor();
    await addNode(maya, 'Business / employer', 'Importer (Maya)');
    await mapNode(grace, 'Importer (Maya)').waitFor();

    await maya.keyboard.press('ControlOrMeta+z');
    await mapNode(grace, 'Importer (Maya)').waitFor({ state: 'detached' });
    await mapNode(maya, 'Importer (Maya)').waitFor({ state: 'detached' });
    await expect(mapNode(grace, 'Pago Pago (Grace)').count()).resolves.toBe(1);
    await expect(mapNode(maya, 'Pago Pago (Grace)').count()).resolves.toBe(1);

    await maya.keyboard.press('ControlOrMeta+Shift+z');
    await mapNode(grace, 'Importer (Maya)').waitFor();
    await waitSaved(maya);
  });
});
