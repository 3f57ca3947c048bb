import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { fixtureArgs, runCommand } from './helpers.js';

/**
 * Hurl-style golden files: each folder of test/fixtures/lint holds a doc.md (and maybe a config, a
 * swagger file, other docs), `expected.txt` (the exact text output, colours off) and `exit_code`.
 * An optional `args` file holds extra command-line arguments, one per line.
 * STEPDOC_UPDATE_FIXTURES=1 rewrites the expectations (review the diff before committing).
 */
const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/lint');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const update = process.env.STEPDOC_UPDATE_FIXTURES === '1';

describe('lint fixtures', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const run = await runCommand(fixtureArgs(dir), dir);
    if (update) {
      writeFileSync(join(dir, 'expected.txt'), run.stdout);
      writeFileSync(join(dir, 'exit_code'), `${run.code}\n`);
    }
    expect(run.stdout).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
    expect(run.code).toBe(Number(readFileSync(join(dir, 'exit_code'), 'utf8').trim()));
  });
});
