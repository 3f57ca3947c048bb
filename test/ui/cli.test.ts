import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { makeProject } from './fixtures.js';

describe('stepdoc ui: usage problems are exit 2 before anything listens', () => {
  it('an option that makes no sense for the dashboard, with a did-you-mean', async () => {
    const dir = makeProject();
    const run = await runCli(['ui', '--record'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option `--record` for `stepdoc ui`');
    const typo = await runCli(['ui', '--prot', '0'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--port');
    expect(run.stdout + typo.stdout).not.toContain('stepdoc ui: http');
  });

  it('a bad port, a busy port, a missing folder', async () => {
    const dir = makeProject();
    expect((await runCli(['ui', '--port', 'abc'], { cwd: dir })).code).toBe(2);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await runCli(['ui', '--port', String(port)], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('the port is in use');
    } finally {
      busy.close();
    }
    const missing = await runCli(['ui', 'nope'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder: nope');
  });

  it('--help', async () => {
    const run = await runCli(['ui', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('127.0.0.1');
  });
});
