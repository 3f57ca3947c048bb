import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Which reports were already applied to which docs, so applying a report twice changes nothing the
 * second time (timesReused and a failed status cannot be told apart from the doc alone).
 * Keyed by the run that executed the doc (core/run-key.ts: run id plus shard), then by doc path relative
 * to the project root.
 */
export interface Ledger {
  version: 1;
  applied: Record<string, { appliedAt: string; files: string[] }>;
}

export const DEFAULT_LEDGER = 'reports/.stepdoc-record-ledger.json';

/** Enough to make re-applying any recent report a no-op; older entries are dropped. */
const MAX_REPORTS = 1000;

export async function loadLedger(file: string): Promise<Ledger> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, applied: {} };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Ledger;
    if (parsed?.version === 1 && parsed.applied && typeof parsed.applied === 'object') return parsed;
  } catch {
    // fall through to the error below
  }
  throw new UsageError(`the record ledger ${file} is not readable`, 'delete it to start a new one (reports applied before may then count twice)');
}

export function hasApplied(ledger: Ledger, key: string, rel: string): boolean {
  return ledger.applied[key]?.files.includes(rel) ?? false;
}

export function markApplied(ledger: Ledger, key: string, rels: readonly string[], now: Date): void {
  if (rels.length === 0) return;
  const entry = (ledger.applied[key] ??= { appliedAt: now.toISOString(), files: [] });
  for (const rel of rels) if (!entry.files.includes(rel)) entry.files.push(rel);
  entry.appliedAt = now.toISOString();
}

export async function saveLedger(file: string, ledger: Ledger): Promise<void> {
  const keys = Object.keys(ledger.applied);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_REPORTS))) delete ledger.applied[key];
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(ledger, null, 2) + '\n');
}

/** Ledger paths are relative to the project root, with `/`, so a ledger works on every machine. */
export function ledgerPath(rootDir: string, file: string): string {
  return path.relative(rootDir, file).split(path.sep).join('/');
}
