import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { launchBrowser } from './support/browser.js';
import type { RunningBrowser } from './support/browser.js';
import { nav, signIn } from './support/sign-in.js';

/**
 * The app works under its strict Content-Security-Policy: a real Chromium signs in, opens the
 * documents list, a document in the editor (TipTap over Yjs, live socket), the bills and the tasks
 * pages, a case map (React Flow), and the OpenAPI page, while every `securitypolicyviolation` event and every console error
 * is collected. None may occur. A control first proves that the collector sees a real violation.
 */

interface Violation {
  where: string;
  what: string;
}

/** Chromium's console line for an HTTP error status of a fetch; not a policy matter. */
const EXPECTED_HTTP_ERROR =
  /^Failed to load resource: the server responded with a status of 4\d\d \(/;

let api: RunningApi;
let browser: RunningBrowser;
let page: Page;
const violations: Violation[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchBrowser()]);
  await browser.context.exposeBinding(
    '__reportCspViolation',
    ({ page: source }, directive: string, blocked: string, sample: string) => {
      violations.push({
        where: source.url(),
        what: `securitypolicyviolation ${directive} blocked=${blocked} ${sample}`,
      });
    },
  );
  // Runs in every page before its own scripts (a string: this file is compiled without the DOM lib).
  await browser.context.addInitScript(`
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(e.violatedDirective, e.blockedURI, e.sample);
    });
  `);
  page = await browser.context.newPage();
  page.on('console', (message) => {
    // The API's own 4xx answers (e.g. the refresh before signing in) are expected, not violations.
    if (message.type() !== 'error' || EXPECTED_HTTP_ERROR.test(message.text())) return;
    violations.push({ where: page.url(), what: `console error: ${message.text()}` });
  });
  page.on('pageerror', (error) =>
    violations.push({ where: page.url(), what: `page error: ${error.message}` }),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
}, 30_000);

/** Waits a moment for late violations (lazy chunks, sockets), then returns and clears them. */
async function collected(): Promise<Violation[]> {
  await page.waitForTimeout(500);
  return violations.splice(0);
}

describe('Content-Security-Policy in a real browser', () => {
  it('reports a real violation (the control): an injected inline script is blocked and seen', async () => {
    await page.goto(`${api.baseUrl}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).waitFor();
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true;';
      document.head.appendChild(script);
      return window.__inlineScriptRan === true;
    })()`);
    expect(ran).toBe(false);
    const seen = await collected();
    expect(seen.some((v) => v.what.includes('securitypolicyviolation script-src'))).toBe(true);
    const header = (await page.request.get(`${api.baseUrl}/`)).headers()['content-security-policy'];
    expect(header).toContain("script-src 'self';");
    expect(header).not.toContain('unsafe-eval');
  });

  it('signs in and shows the documents list without a violation', async () => {
    await signIn(page, api.baseUrl, 'maya@polaris.demo');
    await nav(page, 'Documents').click();
    await page
      .getByRole('link', { name: 'TVPA reauthorization: coalition lobbying plan' })
      .waitFor();
    expect(await collected()).toEqual([]);
  });

  it('opens a document in the live editor (TipTap, Socket.IO) and types, without a violation', async () => {
    await page.getByRole('link', { name: 'TVPA reauthorization: coalition lobbying plan' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const editor = page.getByTestId('editor').locator('.ProseMirror');
    await editor.waitFor();
    await page.getByTestId('doc-status').filter({ hasText: 'All changes saved' }).waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Checked under the CSP.', { delay: 10 });
    await page.getByTestId('doc-status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(await editor.textContent()).toContain('Checked under the CSP.');
    expect(await collected()).toEqual([]);
  });

  it('shows the bills and the tasks pages without a violation', async () => {
    await nav(page, 'Bills').click();
    await page.getByRole('table', { name: 'Bills' }).waitFor();
    expect(await collected()).toEqual([]);
    await nav(page, 'Tasks').click();
    await page.getByTestId('task-board').waitFor();
    expect(await collected()).toEqual([]);
  });

  it('opens a case map (React Flow canvas over Yjs) without a violation', async () => {
    await nav(page, 'Case maps').click();
    await page.getByRole('link', { name: 'Fishing supply chain: forced labor case' }).click();
    await page.getByTestId('map-node').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('doc-status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(await collected()).toEqual([]);
  });

  it('shows the OpenAPI page (Swagger UI) under the same policy, without a violation', async () => {
    await page.goto(`${api.baseUrl}/api/docs`);
    await page.getByRole('heading', { name: /Coalesce API/ }).waitFor();
    await page.getByText('/api/v1/auth/login').first().waitFor();
    expect(await collected()).toEqual([]);
  });
});
