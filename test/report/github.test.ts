import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGithubReporter, escapeData, escapeProperty } from '../../src/report/github.js';
import { cell } from '../../src/report/markdown-summary.js';
import { mixedRun, options, tempDir } from './fixtures.js';

/** Parses `::kind k=v,k=v::message` back, undoing the workflow-command escaping. */
function parseCommand(line: string) {
  const match = /^::(error|warning)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), unescapeData(kv.slice(i + 1))];
      }),
  );
  return { kind: match[1], props, message: unescapeData(match[3]) };
}

describe('github reporter', () => {
  it('writes one ::error per failed step with file, line and title, plus run diagnostics', async () => {
    const dir = await tempDir();
    const opts = options(dir, { env: { GITHUB_ACTIONS: 'true' } });
    expect(await createGithubReporter(opts).finish(mixedRun())).toEqual([]);
    const lines = opts.captured.text.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const commands = lines.map(parseCommand);
    expect(commands[0]).toMatchObject({
      kind: 'error',
      props: { file: 'scenarios/payments/transfer.md', line: '47', title: 'stepdoc: scenarios/payments/transfer.md › transfer — Push money to the card' },
    });
    expect(commands[0].message.split('\n')[0]).toBe('status: expected 201, actual 404');
    expect(commands[1]).toMatchObject({ kind: 'error', props: { file: 'scenarios/payments/slow.md', line: '9' } });
    expect(commands[2]).toMatchObject({ kind: 'error', props: { file: 'scenarios/broken.md', line: '7', col: '19', title: 'stepdoc unknown-variable' } });
    expect(commands[3]).toMatchObject({ kind: 'warning', props: { title: 'stepdoc config-warning' }, message: 'no swagger for domain cards' });
  });

  it('paths are relative to GITHUB_WORKSPACE when set', async () => {
    const opts = options(await tempDir(), { env: { GITHUB_WORKSPACE: '/repo/scenarios' } });
    await createGithubReporter(opts).finish(mixedRun());
    expect(parseCommand(opts.captured.text.split('\n')[0]).props.file).toBe('payments/transfer.md');
  });

  it('escapes data and properties so a message can never end the command early', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const line = `::error title=${escapeProperty('x::y,z')}::${escapeData('m\n::error::fake')}`;
    expect(line.split('\n')).toHaveLength(1);
    expect(parseCommand(line)).toEqual({ kind: 'error', props: { title: 'x::y,z' }, message: 'm\n::error::fake' });
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const dir = await tempDir();
    const summary = join(dir, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const opts = options(dir, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(await createGithubReporter(opts).finish(mixedRun())).toEqual([summary]);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## ❌ stepdoc: 1 passed · 2 failed · 2 skipped · 1 invalid')).toBe(true);
    expect(text).toContain('| scenarios/payments/transfer.md | POST /v0/transfers | status: expected 201, actual 404 |');
    expect(text).toContain('- scenarios/broken.md:7 — unknown-variable');
    expect(text).toContain('<details><summary>scenarios/payments/transfer.md › transfer — Push money to the card</summary>');
    // the step detail sits in a fence longer than any backtick run inside it
    expect(text).toMatch(/```text\n/);
  });

  it('table cells cannot break the table or inject HTML', () => {
    expect(cell('a|b\nc<script>')).toBe('a\\|b<br>c&lt;script&gt;');
  });
});
