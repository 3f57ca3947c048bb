/**
 * `node bench/ui.mjs` (after `npm run build`): the three numbers of issue 16 for `stepdoc ui`, on
 * this machine, against a local test API and 60 generated docs. Never part of `npm test`.
 *   - page weight: bytes of every asset the page loads (and gzip size, for reference);
 *   - click → first progress event (doc:start over SSE), median of 9 runs, measured in the page;
 *   - idle CPU of the server process over 10 s, with the page open (SSE connected), from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
await new Promise((r) => api.listen(0, '127.0.0.1', r));
const apiUrl = `http://127.0.0.1:${api.address().port}`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'stepdoc-ui-bench-'));
for (let i = 0; i < 60; i++) {
  const folder = path.join(dir, 'scenarios', `d${i % 6}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `doc${i}.md`),
    `---\nendpoint: "GET /things/${i}"\ndomain: d${i % 6}\ntags: [t${i % 4}]\nstatus: verified\nverifiedAt: "2026-01-0${1 + (i % 9)}T00:00:00Z"\ntimesReused: ${i}\n---\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: /things/${i}\n    expect:\n      body:\n        $.ok: true\n\`\`\`\n`,
  );
}

const child = spawn(process.execPath, [path.join(root, 'bin/stepdoc.js'), 'ui', '--port', '0', '--base-url', apiUrl], {
  cwd: dir,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /^stepdoc ui: (\S+)\n/.exec(out);
    if (m) resolve(m[1]);
  });
});
const base = new URL(url).origin;

// Page weight: the page and every asset it references.
const weights = {};
for (const p of ['/', '/assets/render.js', '/assets/app.js', '/assets/style.css']) {
  const body = Buffer.from(await (await fetch(base + p)).arrayBuffer());
  weights[p] = { bytes: body.length, gzip: gzipSync(body).length };
}
const total = Object.values(weights).reduce((a, w) => ({ bytes: a.bytes + w.bytes, gzip: a.gzip + w.gzip }), { bytes: 0, gzip: 0 });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(url);
await page.waitForSelector('li.doc');
const clicks = [];
for (let i = 0; i < 9; i++) {
  await page.locator('li.doc input.pick').nth(i).check();
  await page.click('#run');
  await page.waitForFunction(
    (n) =>
      window.__stepdocMetrics.clickToFirstEvent.length === n &&
      document.querySelector('#run').textContent.startsWith('Run') &&
      !document.querySelector('#stop:not([disabled])'),
    i + 1,
  );
  await page.locator('li.doc input.pick').nth(i).uncheck();
}
clicks.push(...(await page.evaluate(() => window.__stepdocMetrics.clickToFirstEvent)));
const sorted = [...clicks].sort((a, b) => a - b);

const ticks = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
};
await new Promise((r) => setTimeout(r, 1000));
const before = ticks();
await new Promise((r) => setTimeout(r, 10_000));
const idleMs = (ticks() - before) * 10;

console.log(
  JSON.stringify(
    {
      pageWeight: { ...weights, total },
      clickToFirstProgressMs: { median: Math.round(sorted[4] * 10) / 10, min: Math.round(sorted[0] * 10) / 10, max: Math.round(sorted[8] * 10) / 10 },
      idleCpu: { windowMs: 10_000, cpuMs: idleMs, percent: idleMs / 100 },
    },
    null,
    2,
  ),
);
await browser.close();
child.kill('SIGINT');
api.close();
