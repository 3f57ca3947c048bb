import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/http-server.js';
import { makeProject, SECRET, startApi, type ApiMode } from './fixtures.js';
import { spawnCli } from './spawn.js';

describe('stepdoc run --watch', () => {
  const mode: ApiMode = { name: 'Ada' };
  let api: TestServer;
  beforeAll(async () => {
    api = await startApi(mode);
  });
  afterAll(() => api.close());

  it('runs once, re-runs the changed doc and the docs that use it, ends on Ctrl-C with 130', async () => {
    const dir = makeProject();
    const cli = spawnCli(
      ['run', '--watch', 'scenarios', '--base-url', api.url, '--token', `staff=${SECRET}`, '--schema', 'off', '--report-dir', join(dir, 'reports')],
      dir,
    );
    await cli.waitFor(/3 passed[\s\S]*watching for changes/);
    // The used doc changes: it and the doc that uses it run again; the cards doc does not.
    const create = join(dir, 'scenarios/clients/create_client.md');
    writeFileSync(create, readFileSync(create, 'utf8').replace('# Create a client', '# Create a client (edited)'));
    await cli.waitFor(/1 file changed; re-running 2 docs[\s\S]*2 passed[\s\S]*watching for changes/);
    const second = cli.stdout().slice(cli.stdout().indexOf('re-running 2 docs'));
    expect(second).toContain('get_client.md');
    expect(second).not.toContain('list_cards.md');
    // A change that breaks the doc: a fresh summary says so.
    const get = join(dir, 'scenarios/clients/get_client.md');
    writeFileSync(get, readFileSync(get, 'utf8').replace('$.data.name: Ada', '$.data.name: Bob'));
    await cli.waitFor(/re-running 1 doc\n[\s\S]*1 failed[\s\S]*watching for changes/);
    expect(await cli.interrupt()).toBe(130);
    expect(cli.stdout() + cli.stderr()).not.toContain(SECRET);
  });

  it('with --record, its own writes are not changes: no loop, only the edited doc runs again', async () => {
    const dir = makeProject();
    const cli = spawnCli(
      ['run', '--watch', '--record', 'scenarios', '--base-url', api.url, '--token', `staff=${SECRET}`, '--schema', 'off', '--report-dir', join(dir, 'reports')],
      dir,
    );
    await cli.waitFor(/recorded 3 docs[\s\S]*watching for changes/);
    const cards = join(dir, 'scenarios/cards/list_cards.md');
    expect(readFileSync(cards, 'utf8')).toMatch(/^timesReused: 1$/m);
    writeFileSync(cards, readFileSync(cards, 'utf8').replace('path: /cards', 'path: /cards?x=1'));
    await cli.waitFor(/changed; re-running[\s\S]*recorded 1 doc[\s\S]*watching for changes/);
    expect(await cli.interrupt()).toBe(130);
    const changes = cli.stdout().match(/\d+ files? changed[^\n]*/g);
    expect(changes).toEqual(['1 file changed; re-running 1 doc']);
    expect(readFileSync(cards, 'utf8')).toMatch(/^timesReused: 2$/m);
  });
});
