import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { RunResult } from '../core/result.js';
import { invalidFiles } from '../core/run-summary.js';

/** What `--last-failed` reruns: the docs that failed or were invalid in the last run, relative to the root. */
export interface LastRun {
  runId: string;
  finishedAt: string;
  failed: string[];
  invalid: string[];
}

export const LAST_RUN_FILE = 'last-run.json';

export function lastRunPath(reportDir: string): string {
  return join(reportDir, LAST_RUN_FILE);
}

/** Written after every run that sent requests (never a dry run), atomically. */
export async function writeLastRun(reportDir: string, rootDir: string, result: RunResult): Promise<void> {
  const rel = (file: string) => relative(rootDir, resolve(rootDir, file)).split(sep).join('/');
  const last: LastRun = {
    runId: result.runId,
    finishedAt: result.finishedAt,
    failed: result.docs.filter((d) => d.status === 'failed').map((d) => rel(d.file)).sort(),
    invalid: invalidFiles(result.docs, result.diagnostics).map(rel),
  };
  const file = lastRunPath(reportDir);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(last, null, 2) + '\n', 'utf8');
  await rename(`${file}.tmp`, file);
}

/** The last run, or undefined when there is none (or it cannot be read as one). */
export async function readLastRun(reportDir: string): Promise<LastRun | undefined> {
  try {
    const value = JSON.parse(await readFile(lastRunPath(reportDir), 'utf8')) as Partial<LastRun>;
    if (!Array.isArray(value.failed) || !Array.isArray(value.invalid)) return undefined;
    return { runId: String(value.runId), finishedAt: String(value.finishedAt), failed: value.failed.map(String), invalid: value.invalid.map(String) };
  } catch {
    return undefined;
  }
}
