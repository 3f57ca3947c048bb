import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocResult, RunResult, StepResult } from '../../src/core/result.js';
import { BIN, REPO_ROOT } from '../support/cli.js';

export interface StepSpec {
  id?: string;
  method?: string;
  path?: string;
  url?: string;
  extra?: string;
}

/** A doc with one test-phase block of steps (and optional cleanup steps), written in our own words. */
export function faultDoc(title: string, steps: StepSpec[], options: { frontmatter?: string; cleanup?: StepSpec[]; setup?: StepSpec[] } = {}): string {
  const block = (list: StepSpec[]) => '```yaml\nsteps:\n' + list.map(stepYaml).join('') + '```\n';
  const parts = [`---\nendpoint: "GET /faults"\ndomain: reliability\nstatus: verified\n${options.frontmatter ?? ''}---\n\n# ${title}\n`];
  if (options.setup) parts.push(`\n## Prerequisites\n\n${block(options.setup)}`);
  parts.push(`\n## Test Request\n\n${block(steps)}`);
  if (options.cleanup) parts.push(`\n## Cleanup\n\n${block(options.cleanup)}`);
  return parts.join('');
}

function stepYaml(s: StepSpec, i: number): string {
  const lines = [`  - id: ${s.id ?? `step_${i + 1}`}`, `    method: ${s.method ?? 'GET'}`];
  if (s.url) lines.push(`    url: "${s.url}"`);
  else lines.push(`    path: "${s.path ?? '/ok'}"`);
  if (s.extra)
    lines.push(
      ...s.extra
        .split('\n')
        .filter(Boolean)
        .map((l) => `    ${l}`),
    );
  return lines.join('\n') + '\n';
}

/** A fresh temp project folder with the given files. */
export function tempProject(files: Record<string, string>, prefix = 'stepdoc-rel-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

export function readReport(dir: string): RunResult {
  return JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as RunResult;
}

export function docNamed(report: RunResult, name: string): DocResult {
  const doc = report.docs.find((d) => d.displayPath.endsWith(name));
  if (!doc) throw new Error(`no doc ${name} in the report: ${report.docs.map((d) => d.displayPath).join(', ')}`);
  return doc;
}

/** The one line that explains a failed step: its error, else its first failed check's message. */
export function causeOf(step: StepResult): string | undefined {
  return step.error?.message ?? step.checks.find((c) => !c.passed)?.message;
}

/** Starts the CLI as a child process (for signals); resolves output and exit code when it ends. */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, output: () => ({ stdout, stderr }) };
}

/** Polls until `check` is true (or throws after `ms`). For waiting on a server to see a request. */
export async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export { REPO_ROOT };
