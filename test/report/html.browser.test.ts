import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHtmlReporter } from '../../src/report/html/index.js';
import { renderJunit } from '../../src/report/junit.js';
import { ARTIFACTS, canRunBrowser, launchChromium } from '../support/browser.js';
import { mixedRun, options, SECRETS, tempDir } from './fixtures.js';

describe.skipIf(!canRunBrowser)('html report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = await tempDir();
    const [path] = await createHtmlReporter(options(dir)).finish(mixedRun());
    html = await readFile(path, 'utf8');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(path).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no external reference, no request beyond itself, no script error', async () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain(SECRETS.token);
    await page.waitForSelector('details.doc');
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the summary and every doc, the invalid one included', async () => {
    expect(await page.locator('.chip.failed').innerText()).toMatch(/^2\s*failed$/);
    expect(await page.locator('.chip.invalid').innerText()).toMatch(/^1\s*invalid$/);
    expect(await page.locator('details.doc').count()).toBe(6);
    const invalid = page.locator('details.doc.invalid');
    expect(await invalid.locator('pre').innerText()).toContain('error[unknown-variable]');
    expect(await invalid.locator('pre').innerText()).toContain('"/clients/{{clientid}}"'); // code frame from the source
    expect(await invalid.locator('pre').innerText()).toContain('--> scenarios/broken.md:7:19');
  });

  it('clicking a failed doc shows the failure detail, checks, timeline and pretty JSON', async () => {
    const doc = page.locator('details.doc[data-path="scenarios/payments/transfer.md"]');
    await doc.locator('summary').first().click();
    const failure = doc.locator('details.step[data-step="transfer"] .failure');
    await failure.waitFor({ state: 'visible' });
    const text = await failure.innerText();
    expect(text).toContain('status');
    expect(text).toContain('expected: 201');
    expect(text).toContain('actual:   404');
    const failedRow = doc.locator('details.step[data-step="transfer"] table.checks tr.fail').first();
    expect(await failedRow.locator('td.expected').innerText()).toBe('201');
    expect(await failedRow.locator('td.actual').innerText()).toBe('404');
    expect(await doc.locator('.waterfall .wf-row').count()).toBe(3);
    const body = await doc.locator('details.step[data-step="transfer"] .response pre.body').innerText();
    expect(body).toContain('\n  "error": "not found",');
    expect(body).toContain('Bearer ***');
    // copy as curl: the failed step's request as a command, secrets redacted
    const curl = doc.locator('details.step[data-step="transfer"] details.curl');
    await curl.locator('summary').click();
    expect(await curl.locator('pre.curl').innerText()).toMatch(/^curl -X POST /);
    expect(await doc.locator('details.step[data-step="card"] details.curl').count()).toBe(0);
    // passed steps stay folded; the failed one is open
    expect(await doc.locator('details.step[data-step="card"]').getAttribute('open')).toBeNull();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'html-report.png'), fullPage: true });
  });

  it('renders hostile strings as text, never as markup', async () => {
    const text = await page.locator('details.doc[data-path="scenarios/payments/transfer.md"] .failure').first().innerText();
    expect(text).toContain('</script><script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('filters by status, domain and tag', async () => {
    const visible = () => page.locator('details.doc:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    await page.selectOption('#filter-status', 'failed');
    expect(await visible()).toEqual(['scenarios/payments/transfer.md', 'scenarios/payments/slow.md']);
    await page.selectOption('#filter-status', 'all');
    await page.selectOption('#filter-domain', 'cards');
    expect(await visible()).toEqual(['scenarios/cards/activate.md', 'scenarios/cards/legacy.md']);
    await page.selectOption('#filter-tag', 'smoke');
    expect(await visible()).toEqual(['scenarios/cards/activate.md']);
    await page.selectOption('#filter-domain', '');
    expect(await visible()).toEqual(['scenarios/clients/create_client.md', 'scenarios/cards/activate.md']);
    await page.selectOption('#filter-tag', '');
    await page.locator('.chip.invalid').click();
    expect(await visible()).toEqual(['scenarios/broken.md']);
    await page.locator('.chip.invalid').click();
    expect(await visible()).toHaveLength(6);
  });

  it('a strict XML parser (the browser) accepts the JUnit report of the same run', async () => {
    const xml = renderJunit(mixedRun(), '/repo');
    const errors = await page.evaluate((text) => {
      // Runs in the page; the test's tsconfig has no DOM types.
      const { DOMParser } = globalThis as unknown as {
        DOMParser: new () => { parseFromString(t: string, type: string): { getElementsByTagName(n: string): { length: number } } };
      };
      const parsed = new DOMParser().parseFromString(text, 'application/xml');
      return { error: parsed.getElementsByTagName('parsererror').length, cases: parsed.getElementsByTagName('testcase').length };
    }, xml);
    expect(errors).toEqual({ error: 0, cases: 10 });
  });
});
