import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, canRunBrowser, launchChromium } from '../support/browser.js';
import type { TestServer } from '../support/http-server.js';
import { frontmatter, makeProject, SECRET, startApi, XSS, type ApiMode } from './fixtures.js';
import { spawnCli, type Spawned } from './spawn.js';

describe.skipIf(!canRunBrowser)('stepdoc ui in headless Chromium', () => {
  const mode: ApiMode = { name: 'Ada' };
  let api: TestServer;
  let dir: string;
  let cli: Spawned;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const foreign: string[] = [];
  const row = (name: string) => page.locator(`li.doc[data-path$="${name}"]`);
  const visible = () => page.locator('li.doc').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  const shot = (name: string) => page.screenshot({ path: resolve(ARTIFACTS, `ui-${name}.png`), fullPage: true });

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    api = await startApi(mode);
    dir = makeProject();
    cli = spawnCli(['ui', 'scenarios', '--port', '0', '--base-url', api.url, '--token', `staff=${SECRET}`, '--schema', 'off'], dir);
    const [, url] = await cli.waitFor(/^stepdoc ui: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\n/);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const origin = new URL(url).origin;
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) foreign.push(r.url());
    });
    page.setDefaultTimeout(10_000);
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url);
    await page.waitForSelector('li.doc');
  });

  afterAll(async () => {
    await browser?.close();
    if (cli) expect(await cli.interrupt()).toBe(130);
    await api?.close();
  });

  it('lists the docs by domain and folder, with verified age and reuse count', async () => {
    expect(await page.locator('h2.domain').allInnerTexts()).toEqual(['cards', 'clients']);
    expect(await page.locator('h3.folder').allInnerTexts()).toEqual(['scenarios/cards', 'scenarios/clients']);
    expect(await row('get_client.md').locator('.age').innerText()).toBe('verified 2 days ago');
    expect(await row('list_cards.md').locator('.age').innerText()).toBe('verified 400 days ago');
    expect(await row('create_client.md').locator('.age').innerText()).toBe('never verified');
    expect(await row('get_client.md').locator('.reused').innerText()).toBe('reused 3×');
  });

  it('filters by text, domain, tag, status and staleness', async () => {
    await page.fill('#f-text', 'get_client');
    expect(await visible()).toEqual(['scenarios/clients/get_client.md']);
    await page.fill('#f-text', '');
    await page.selectOption('#f-domain', 'cards');
    expect(await visible()).toEqual(['scenarios/cards/list_cards.md']);
    await page.selectOption('#f-domain', '');
    await page.selectOption('#f-tag', 'smoke');
    expect(await visible()).toEqual(['scenarios/clients/get_client.md']);
    await page.selectOption('#f-tag', '');
    await page.selectOption('#f-status', 'pending');
    expect(await visible()).toEqual(['scenarios/clients/create_client.md']);
    await page.selectOption('#f-status', '');
    await page.fill('#f-stale', '30');
    expect(await visible()).toEqual(['scenarios/cards/list_cards.md', 'scenarios/clients/create_client.md']);
    await page.fill('#f-stale', '');
    expect(await visible()).toHaveLength(3);
  });

  it('runs one doc and shows it pass live, beside its Markdown', async () => {
    await row('get_client.md').locator('input.pick').check();
    await page.click('#run');
    await row('get_client.md').locator('.last[data-result="passed"]').waitFor();
    await row('get_client.md').locator('button.open').click();
    await page.locator('#result .result-head .badge.passed').waitFor();
    await page.locator('#source', { hasText: '$.data.name: Ada' }).waitFor(); // loaded after the click
    expect(await page.locator('#status').innerText()).toContain('1 passed, 0 failed');
    const metrics = await page.evaluate(() => (globalThis as unknown as { __stepdocMetrics: { clickToFirstEvent: number[] } }).__stepdocMetrics);
    expect(metrics.clickToFirstEvent).toHaveLength(1);
    writeFileSync(resolve(ARTIFACTS, 'ui-metrics.json'), JSON.stringify({ clickToFirstProgressMs: metrics.clickToFirstEvent[0] }));
    await shot('passed');
  });

  it('a broken answer fails the re-run: the step, expected vs actual, request (redacted), response, file:line', async () => {
    mode.name = 'Bob';
    await page.click('#run');
    await row('get_client.md').locator('.last[data-result="failed"]').waitFor();
    const step = page.locator('#result details.step[data-step="read"]');
    expect(await step.locator('.failure').innerText()).toContain('expected');
    const failed = step.locator('table.checks tr.fail').first();
    expect(await failed.locator('td.expected').innerText()).toContain('Ada');
    expect(await failed.locator('td.actual').innerText()).toContain('Bob');
    expect(await step.locator('.request pre').first().innerText()).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/clients\/c-1$/);
    const response = await step.locator('.response pre.body').innerText();
    expect(response).toContain('"name": "Bob"');
    expect(response).toContain('Bearer ***');
    const link = step.locator('a.fileline');
    expect(await link.innerText()).toMatch(/^scenarios\/clients\/get_client\.md:\d+$/);
    await link.click();
    expect(await page.locator('#source .hl').innerText()).toContain('$.data.name: Ada');
    expect(await page.locator('body').innerText()).not.toContain(SECRET);
    await shot('failed');
  });

  it('"re-run failed" re-runs it; "record these results" writes the frontmatter and shows what changed', async () => {
    mode.name = 'Ada';
    await page.click('#rerun-failed');
    await row('get_client.md').locator('.last[data-result="passed"]').waitFor();
    const file = join(dir, 'scenarios/clients/get_client.md');
    const before = frontmatter(readFileSync(file, 'utf8'));
    await page.click('#record');
    await page.locator('#record-summary li[data-path="scenarios/clients/get_client.md"]').waitFor();
    const after = frontmatter(readFileSync(file, 'utf8'));
    expect(after.timesReused).toBe(4);
    expect(after.status).toBe('verified');
    expect(Date.parse(String(after.verifiedAt))).toBeGreaterThan(Date.parse(String(before.verifiedAt)));
    expect(frontmatter(readFileSync(join(dir, 'scenarios/clients/create_client.md'), 'utf8')).timesReused).toBe(1);
    expect(await page.locator('#record-summary').innerText()).toContain('timesReused 3 → 4');
    // The list is re-read from disk: the new count shows.
    await page.locator('li.doc[data-path$="get_client.md"] .reused', { hasText: 'reused 4×' }).waitFor();
    await shot('recorded');
  });

  it('re-runs a doc that was run when it changes on disk', async () => {
    const file = join(dir, 'scenarios/clients/get_client.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('$.data.name: Ada', '$.data.name: Eve'));
    await row('get_client.md').locator('.last[data-result="failed"]').waitFor();
    await page.locator('#source', { hasText: '$.data.name: Eve' }).waitFor();
  });

  it('renders a response and a title holding markup as text: nothing executes', async () => {
    await page.click('#select-none');
    await row('list_cards.md').locator('input.pick').check();
    await page.click('#run');
    await row('list_cards.md').locator('.last[data-result="passed"]').waitFor();
    await row('list_cards.md').locator('button.open').click();
    await page.locator('#result details.step[data-step="list"] summary').click();
    expect(await page.locator('#result details.step[data-step="list"] .response pre.body').innerText()).toContain(XSS.replace(/"/g, '\\"'));
    expect(await page.locator('#detail-meta').innerText()).toContain(XSS);
    await page.locator('#source', { hasText: `# Cards ${XSS}` }).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await shot('markup-as-text');
  });
});
