import { byDisplayPath } from '../core/order.js';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';

export interface Shard {
  /** 1-based, as written on the command line (`--shard 2/4`). */
  index: number;
  total: number;
}

/** Parses `I/N` (1 ≤ I ≤ N). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new UsageError(`invalid --shard \`${text}\``, 'write it as I/N, e.g. `--shard 2/4`');
  const shard = { index: Number(match[1]), total: Number(match[2]) };
  checkShard(shard);
  return shard;
}

function checkShard(shard: Shard): void {
  const { index, total } = shard;
  if (!Number.isInteger(index) || !Number.isInteger(total) || total < 1 || index < 1 || index > total) {
    throw new UsageError(`invalid shard ${index}/${total}`, 'the shard index runs from 1 to the shard count, e.g. `--shard 1/4` … `--shard 4/4`');
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Greedy longest-processing-time packing: the longest doc goes to the least loaded shard (ties to
 * the lowest shard). Docs without a known duration count as the median of the known ones.
 */
function packByDuration<T extends { displayPath: string }>(sorted: T[], total: number, durations: Map<string, number>): T[][] {
  const known = sorted.map((d) => durations.get(d.displayPath)).filter((v): v is number => v !== undefined && Number.isFinite(v) && v >= 0);
  const fallback = median(known);
  const weight = (d: T) => {
    const v = durations.get(d.displayPath);
    return v !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  const order = [...sorted].sort((a, b) => weight(b) - weight(a) || byDisplayPath(a, b));
  const bins: T[][] = Array.from({ length: total }, () => []);
  const loads = new Array<number>(total).fill(0);
  for (const doc of order) {
    let target = 0;
    for (let i = 1; i < total; i++) if (loads[i] < loads[target]) target = i;
    bins[target].push(doc);
    loads[target] += weight(doc);
  }
  return bins.map((bin) => bin.sort(byDisplayPath));
}

/**
 * The docs of one shard. Deterministic and machine-independent: docs are ordered by display path;
 * without durations they are dealt round-robin (shard sizes differ by at most one), with durations
 * (from a previous report) they are packed so every shard takes about the same time.
 */
export function selectShard<T extends { displayPath: string }>(docs: T[], shard: Shard, durations?: Map<string, number>): T[] {
  checkShard(shard);
  const sorted = [...docs].sort(byDisplayPath);
  if (!durations || durations.size === 0) return sorted.filter((_, i) => i % shard.total === shard.index - 1);
  return packByDuration(sorted, shard.total, durations)[shard.index - 1];
}

/**
 * Durations per display path from a JSON report (`--durations reports/last.json`). A missing file
 * gives an empty map, so the first run of a new pipeline still works (round-robin).
 */
export async function readDurations(reportJsonPath: string): Promise<Map<string, number>> {
  let text: string;
  try {
    text = await readFile(reportJsonPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UsageError(`cannot read --durations file ${reportJsonPath}: ${(error as Error).message}`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--durations file ${reportJsonPath} is not JSON: ${(error as Error).message}`, 'pass a report.json written by `--reporter json`');
  }
  const docs = (report as { docs?: unknown }).docs;
  if (!Array.isArray(docs)) throw new UsageError(`--durations file ${reportJsonPath} has no \`docs\` list`, 'pass a report.json written by `--reporter json`');
  const out = new Map<string, number>();
  for (const doc of docs as { displayPath?: unknown; durationMs?: unknown }[]) {
    if (typeof doc?.displayPath === 'string' && typeof doc.durationMs === 'number') out.set(doc.displayPath, doc.durationMs);
  }
  return out;
}
