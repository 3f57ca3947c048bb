import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { DocResult } from '../core/result.js';

/** The parts of a saved JSON report (a serialised RunResult) that recording reads. */
export interface SavedReport {
  path: string;
  runId: string;
  finishedAt?: string;
  shard?: { index: number; total: number };
  docs: DocResult[];
}

const STATUSES = new Set(['passed', 'failed', 'skipped']);

/** Reads and checks one report; anything unusable is a usage error naming the file and the problem. */
export async function loadReport(file: string, shownAs = file): Promise<SavedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read report ${shownAs}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`report ${shownAs} is not valid JSON (${(error as Error).message})`, 'pass the file written by `stepdoc run --reporter json`');
  }
  return checkReport(data, shownAs);
}

export function checkReport(data: unknown, shownAs: string): SavedReport {
  const bad = (what: string) =>
    new UsageError(`report ${shownAs} is not a stepdoc JSON report: ${what}`, 'pass the file written by `stepdoc run --reporter json`');
  if (!isObject(data)) throw bad('expected an object');
  if (typeof data.runId !== 'string' || data.runId === '') throw bad('`runId` is missing');
  if (!Array.isArray(data.docs)) throw bad('`docs` is missing');
  data.docs.forEach((doc, i) => {
    checkDoc(doc, i, bad);
  });
  const shard =
    isObject(data.shard) && typeof data.shard.index === 'number' && typeof data.shard.total === 'number'
      ? { index: data.shard.index, total: data.shard.total }
      : undefined;
  // A mock run checked the docs against their specs, not the API: recording it would write `verified` for nothing.
  if (isObject(data.environment) && data.environment.mock === true) {
    throw new UsageError(
      `report ${shownAs} is of a run against the embedded mock (--mock): it verifies nothing to record`,
      'record the report of a run against the API',
    );
  }
  return {
    path: shownAs,
    runId: data.runId,
    finishedAt: typeof data.finishedAt === 'string' ? data.finishedAt : undefined,
    shard,
    docs: data.docs as DocResult[],
  };
}

function checkDoc(doc: unknown, i: number, bad: (what: string) => Error): void {
  if (!isObject(doc)) throw bad(`docs[${i}] is not an object`);
  if (typeof doc.displayPath !== 'string' || doc.displayPath === '') throw bad(`docs[${i}].displayPath is missing`);
  if (typeof doc.status !== 'string' || !STATUSES.has(doc.status)) throw bad(`docs[${i}].status must be passed, failed or skipped`);
  if (typeof doc.finishedAt !== 'string' || Number.isNaN(Date.parse(doc.finishedAt))) throw bad(`docs[${i}].finishedAt is not a date`);
  if (doc.usedDocs !== undefined && (!Array.isArray(doc.usedDocs) || doc.usedDocs.some((u) => typeof u !== 'string'))) {
    throw bad(`docs[${i}].usedDocs must be a list of paths`);
  }
  if (doc.origin !== undefined && (typeof doc.origin !== 'string' || doc.origin === '')) throw bad(`docs[${i}].origin must be a run id`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
