import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepdoc-init-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('stepdoc init', () => {
  it('starts a project whose `run --mock` passes right away, one doc using the other', async () => {
    const dir = tempDir();
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    for (const file of ['stepdoc.config.yaml', 'openapi.yaml', 'scenarios/widgets/create_widget.md', 'scenarios/widgets/get_widget.md']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('reports/\n');

    const run = await runCli(['run', '--mock', '--reporter', 'console', '--reporter', 'json'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('2 passed, 0 failed');
    const report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8')) as {
      docs: Array<{ displayPath: string; usedDocs: string[] }>;
    };
    const get = report.docs.find((d) => d.displayPath.endsWith('get_widget.md'));
    expect(get?.usedDocs).toEqual(['scenarios/widgets/create_widget.md']);

    const lint = await runCli(['lint'], { cwd: dir });
    expect(lint.code, lint.stdout).toBe(0);
  });

  it('refuses to overwrite existing files (exit 2, names them) and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'openapi.yaml'), 'mine\n');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('error[file-exists]: not overwriting openapi.yaml');
    expect(init.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'openapi.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'stepdoc.config.yaml'))).toBe(false);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });

  it('adds the reports/ entry to an existing .gitignore once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gitignore'), 'node_modules/');
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\nreports/\n');
  });
});
