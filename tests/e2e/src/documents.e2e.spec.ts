import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { forgeUpdate } from './support/forged-update.js';
import { accessToken, nav, signIn } from './support/sign-in.js';

/**
 * Lobbying plans end to end: two organizations co-edit one plan in two real browsers; an observer
 * cannot write (nor forge a write over the socket); mentions notify live; a version restore
 * changes every open editor; typing offline loses nothing.
 */

let api: RunningApi;
let browsers: RunningBrowser[] = [];
let maya: Page;
let grace: Page;
let docUrl = '';
let docId = '';

beforeAll(async () => {
  const [started, ...launched] = await Promise.all([
    startApi(),
    launchBrowser(),
    launchBrowser(),
    launchBrowser(),
  ]);
  api = started;
  browsers = launched;
  maya = await browsers[0].context.newPage();
  grace = await browsers[1].context.newPage();
  await signIn(maya, api.baseUrl, 'maya@polaris.demo');
  await signIn(grace, api.baseUrl, 'grace@solidarity.demo');
}, 150_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await api?.stop();
}, 30_000);

const editor = (page: Page) => page.getByTestId('editor').locator('.ProseMirror');
const status = (page: Page) => page.getByTestId('doc-status');

async function waitSaved(page: Page) {
  await expectText(status(page), 'All changes saved');
}

/** Generous waits: the first open loads the lazy editor chunk, slow on a busy 2-core machine. */
async function expectText(locator: ReturnType<Page['locator']>, text: string, timeout = 20_000) {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}

/** Polls the editor's text (other people's caret labels sit inside it, so no text locator). */
async function waitForEditorText(
  page: Page,
  matches: (text: string) => boolean,
  what: string,
  timeout = 20_000,
) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await editor(page).textContent()) ?? '';
    if (matches(text)) return;
    if (Date.now() > deadline) throw new Error(`editor text never ${what}; it is: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const editorContains = (page: Page, text: string, timeout?: number) =>
  waitForEditorText(page, (t) => t.includes(text), `contained "${text}"`, timeout);
const editorLacks = (page: Page, text: string, timeout?: number) =>
  waitForEditorText(page, (t) => !t.includes(text), `lost "${text}"`, timeout);

/** Puts the caret at the end of the document and types like a person. */
async function typeAtEnd(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 15 });
}

describe('lobbying plans, in real browsers', () => {
  it('creates a plan from a template; text typed by one organization appears for the other within a second, with a named caret', async () => {
    await nav(maya, 'Documents').click();
    await maya.getByTestId('new-document').click();
    const dialog = maya.getByRole('dialog', { name: 'New document' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('TVPA 2027: Senate strategy');
    await dialog.getByRole('button', { name: 'Create document' }).click();
    await maya.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    docUrl = maya.url();
    docId = docUrl.split('/').pop()!;
    await waitSaved(maya);
    // The template filled the plan.
    await expectText(editor(maya), 'The ask');

    await grace.goto(docUrl);
    await waitSaved(grace);
    await expectText(editor(grace), 'The ask');

    const line = 'Ask Senate Judiciary staff to mark up the bill before recess.';
    await typeAtEnd(maya, line);
    const typedAt = Date.now();
    await editorContains(grace, line, 5_000);
    const elapsed = Date.now() - typedAt;
    expect(elapsed).toBeLessThan(1_000);

    // Maya's caret, labelled with her name and organization, shows in Grace's editor.
    await grace.getByTestId('editor').getByText('Maya Ortiz · Polaris').waitFor();
    await waitSaved(maya);
    // Both see each other in the document's presence avatars.
    await grace
      .getByTestId('doc-presence')
      .getByLabel(/Maya Ortiz/)
      .waitFor();
    await maya
      .getByTestId('doc-presence')
      .getByLabel(/Grace Okafor/)
      .waitFor();
  });

  it('keeps an observer read-only, and refuses an update forged over the socket', async () => {
    const jordan = await browsers[2].context.newPage();
    await signIn(jordan, api.baseUrl, 'jordan@northbridge.demo');
    await jordan.goto(docUrl);
    await jordan.getByTestId('read-only-banner').waitFor();
    await expectText(editor(jordan), 'Ask Senate Judiciary staff');
    expect(await editor(jordan).getAttribute('contenteditable')).toBe('false');
    const before = await editor(jordan).innerText();
    await editor(jordan).click();
    await jordan.keyboard.type('Observer was here');
    expect(await editor(jordan).innerText()).toBe(before);

    const ack = await forgeUpdate(
      api.baseUrl,
      await accessToken(api.baseUrl, 'jordan@northbridge.demo'),
      docId,
      'Forged by an observer',
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await maya.waitForTimeout(300);
    expect(await editor(maya).innerText()).not.toContain('Forged by an observer');
    await jordan.close();
  });

  it('notifies a mentioned person live when a comment mentions them', async () => {
    await editor(maya).getByText('Ask Senate Judiciary staff').click({ clickCount: 3 });
    await maya.getByTestId('comment-button').click();
    const input = maya.getByTestId('comment-draft').getByTestId('comment-input');
    await input.click();
    await maya.keyboard.type('Can Solidarity Center take the Judiciary office? @Grac', {
      delay: 10,
    });
    await maya.getByRole('option', { name: /Grace Okafor/ }).click();
    await maya.getByTestId('comment-submit').click();
    await maya.getByTestId('comment-thread').filter({ hasText: 'Judiciary office' }).waitFor();

    // Grace, still in the document, sees the thread and her unread count change without a reload.
    await grace.getByTestId('comment-thread').filter({ hasText: 'Judiciary office' }).waitFor();
    await grace.locator('[data-testid="notifications-bell"][data-unread="1"]').waitFor();
    await grace.getByTestId('notifications-bell').click();
    await grace
      .getByTestId('notification-item')
      .filter({ hasText: 'Maya Ortiz (Polaris) mentioned you in TVPA 2027: Senate strategy' })
      .waitFor();
    await grace.keyboard.press('Escape');
  });

  it('restores a named version in both open editors', async () => {
    await maya.getByTestId('versions-tab').click();
    await maya.getByTestId('version-name-current').click();
    await maya.getByTestId('version-name-input').fill('Before the markup push');
    await maya.getByTestId('version-name-save').click();
    const version = maya.getByTestId('version-item').filter({ hasText: 'Before the markup push' });
    await version.waitFor();

    const temporary = 'TEMPORARY: drop the Judiciary ask.';
    await typeAtEnd(maya, temporary);
    await editorContains(grace, temporary);
    await waitSaved(maya);

    await version.getByTestId('version-restore').click();
    await maya.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await editorLacks(maya, temporary);
    await editorLacks(grace, temporary);
    await editorContains(grace, 'Ask Senate Judiciary staff');
  });

  it('keeps what is typed offline and syncs it when the connection returns', async () => {
    await browsers[1].context.setOffline(true);
    await expectText(status(grace), 'Offline');
    const offline = 'Typed on the train, offline.';
    await typeAtEnd(grace, offline);
    await expectText(status(grace), 'Offline');
    await maya.waitForTimeout(500);
    expect(await editor(maya).textContent()).not.toContain(offline);

    await browsers[1].context.setOffline(false);
    await waitSaved(grace);
    await editorContains(maya, offline);
    // And it is stored: a fresh load of the page shows it.
    await maya.reload();
    await editorContains(maya, offline);
  });
});
