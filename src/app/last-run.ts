import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ExitCode } from '../core/exit-codes.js';
import type { RunResult } from '../core/result.js';
import { invalidFiles } from '../core/run-summary.js';
import { stopped } from './stopped.js';
import type { LoadedProject, RunOutcome, RunProjectOptions } from './types.js';

/** What `--last-failed` reruns: the docs that failed or were invalid in the last run, relative to the root. */
export interface LastRun {
  runId: string;
  finishedAt: string;
  failed: string[];
  invalid: string[];
}

export const LAST_RUN_FILE = 'last-run.json';

export function lastRunPath(dir: string): string {
  return join(dir, LAST_RUN_FILE);
}

/** Written after every run that sent requests (never a dry run), atomically. */
export async function writeLastRun(dir: string, rootDir: string, result: RunResult): Promise<void> {
  const rel = (file: string) => relative(rootDir, resolve(rootDir, file)).split(sep).join('/');
  const last: LastRun = {
    runId: result.runId,
    finishedAt: result.finishedAt,
    failed: result.docs
      .filter((d) => d.status === 'failed')
      .map((d) => rel(d.file))
      .sort(),
    invalid: invalidFiles(result.docs, result.diagnostics).map(rel),
  };
  const file = lastRunPath(dir);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(last, null, 2) + '\n', 'utf8');
  await rename(`${file}.tmp`, file);
}

/** The last run, or undefined when there is none (or it cannot be read as one). */
export async function readLastRun(dir: string): Promise<LastRun | undefined> {
  try {
    const value = JSON.parse(await readFile(lastRunPath(dir), 'utf8')) as Partial<LastRun>;
    if (!Array.isArray(value.failed) || !Array.isArray(value.invalid)) return undefined;
    return { runId: String(value.runId), finishedAt: String(value.finishedAt), failed: value.failed.map(String), invalid: value.invalid.map(String) };
  } catch {
    return undefined;
  }
}

/** Where file reporters and the last run go: the option, else the config, else `reports`. */
export function reportDir(options: RunProjectOptions, project?: LoadedProject): string {
  return resolve(options.cwd ?? process.cwd(), options.reportDir ?? project?.extras.reportDir ?? 'reports');
}

/** `lastFailed`: the failed and invalid docs of the last run, or why there is nothing to rerun. */
export async function lastFailedPaths(options: RunProjectOptions): Promise<{ paths: string[] } | { stop: RunOutcome }> {
  const dir = reportDir(options);
  const last = await readLastRun(dir);
  if (!last) return { stop: stopped('usage', `no last run in ${relative(options.cwd ?? process.cwd(), dir) || '.'}/: run once without --last-failed`, []) };
  const paths = [...last.failed, ...last.invalid];
  if (paths.length) return { paths };
  const message = `the last run (${last.finishedAt}) had no failed or invalid docs; nothing to rerun`;
  return { stop: { exitCode: ExitCode.Ok, stopped: { reason: 'no-docs', message }, diagnostics: [], reportFiles: [] } };
}
