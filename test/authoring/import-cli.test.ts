import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'stepdoc-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI with text on standard input (runCli closes stdin). */
function withStdin(args: string[], input: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('stepdoc import curl (CLI)', () => {
  it('reads standard input (`-` or no file), prints the doc, notes on stderr', () => {
    const guide = readFileSync(join(FIXTURES, 'synctera-me-to-you.sh'), 'utf8');
    for (const args of [
      ['import', 'curl', '-'],
      ['import', 'curl'],
    ]) {
      const run = withStdin(args, guide);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^---\nendpoint: "POST \/v0\/external_cards\/transfers"/);
      expect(run.stdout).toContain('from standard input');
      expect(run.stderr).toContain('note: line 9: replaced a stray `:` after a value with `,` in the JSON body');
    }
  });

  it('refuses broken JSON with a code frame on the line, exit 2, no stack trace', () => {
    writeFileSync(join(dir, 'bad.sh'), `curl https://x.test/a \\\n  -H 'Content-Type: application/json' \\\n  -d '{\n  "a": [1, 2\n  "b": 3\n}'\n`);
    const run = withStdin(['import', 'curl', 'bad.sh'], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[import-json]: the JSON body is not valid JSON');
    expect(run.stderr).toContain('--> bad.sh:5:3');
    expect(run.stderr).toContain('5 |   "b": 3');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('never overwrites --out, and usage problems are exit 2', async () => {
    writeFileSync(join(dir, 'taken.md'), 'mine\n');
    const taken = await runCli(['import', 'curl', join(FIXTURES, 'form-post.sh'), '--out', 'taken.md'], { cwd: dir });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('error[file-exists]: taken.md already exists; not overwritten');
    expect(readFileSync(join(dir, 'taken.md'), 'utf8')).toBe('mine\n');
    expect((await runCli(['import', 'har', 'x.har'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['import', 'curl', 'a.sh', 'b.sh'], { cwd: dir })).code).toBe(2);
    const missing = await runCli(['import', 'curl', 'missing.sh'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read missing.sh');
  });
});
