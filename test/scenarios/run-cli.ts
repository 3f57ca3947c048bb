import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocResult, RunResult } from '../../src/core/result.js';
import type { Sandbox } from '../sandbox/server.js';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  report?: RunResult;
}

/**
 * Runs `node bin/stepdoc.js run PATHS… --base-url … --fallback-url … --token …` against a sandbox, as a user
 * would. Asynchronous on purpose: the sandbox lives in this process and must keep answering meanwhile.
 */
export async function runScenarios(paths: string[], sandbox: Sandbox): Promise<CliRun> {
  if (!existsSync(join(repoRoot, 'dist/bundle/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const reportDir = await mkdtemp(join(tmpdir(), 'stepdoc-scenarios-'));
  try {
    const args = [
      'bin/stepdoc.js',
      'run',
      ...paths,
      '--base-url',
      sandbox.baseUrl,
      '--fallback-url',
      sandbox.fallbackUrl,
      '--token',
      'staff=sandbox-staff-token',
      '--token',
      'synctera=sandbox-synctera-key',
      '--reporter',
      'json',
      '--report-dir',
      reportDir,
    ];
    const run = await spawnNode(args);
    const reportPath = join(reportDir, 'report.json');
    const report = existsSync(reportPath) ? (JSON.parse(await readFile(reportPath, 'utf8')) as RunResult) : undefined;
    return { ...run, report };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

function spawnNode(args: string[]): Promise<Omit<CliRun, 'report'>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolvePromise({ exitCode, stdout, stderr }));
  });
}

/** The result of one doc, by its path relative to the repo root (e.g. `scenarios/sales/…/sync_card.md`). */
export function docResult(report: RunResult | undefined, relativePath: string): DocResult | undefined {
  const wanted = resolve(repoRoot, relativePath);
  return report?.docs.find((doc) => resolve(repoRoot, doc.file) === wanted || resolve(repoRoot, doc.displayPath) === wanted);
}

/** A readable account of a run for assertion messages: which docs failed, at which step, and why. */
export function explain(run: CliRun): string {
  const failed = (run.report?.docs ?? []).filter((doc) => doc.status !== 'passed');
  const lines = failed.map((doc) => {
    const step = doc.steps.find((s) => s.status === 'failed');
    const why =
      step?.error?.message ??
      step?.checks
        .filter((c) => !c.passed)
        .map((c) => c.message ?? c.name)
        .join('; ');
    return `${doc.displayPath}: ${doc.status}${step ? ` at ${step.id}: ${why}` : ''}${doc.diagnostics.length ? ` [${doc.diagnostics.map((d) => d.message).join('; ')}]` : ''}`;
  });
  return [`exit ${run.exitCode}`, ...lines, run.stderr.slice(0, 4000), run.report ? '' : run.stdout.slice(0, 4000)].join('\n');
}
