import type { RecordValue } from './scalar-style.js';

/** The keys recording may change; nothing else in a doc is ever written. */
export type RecordKey = 'status' | 'verifiedAt' | 'savedAt' | 'timesReused';

export interface FieldChange {
  key: RecordKey;
  /** Undefined when the key was missing (it is added). */
  old?: unknown;
  new: RecordValue;
}

export type RecordOutcome = 'passed' | 'failed' | 'skipped';

export interface RecordInput {
  /** The doc's own result in this run; undefined when it only ran through other docs' `use:`. */
  outcome?: RecordOutcome;
  /** When the doc's own run finished (ISO 8601); becomes `verifiedAt` on a pass. */
  finishedAt?: string;
  /** Recorded executions of this doc: 1 for its own run (passed or failed) plus 1 per `use:` of it. */
  reuseIncrement: number;
  now: Date;
}

/** Statuses that mean "leave this doc alone": recording never touches them. */
const UNTOUCHED = new Set(['skip', 'skipped', 'deprecated']);

/**
 * The changes recording makes to one doc, from its current frontmatter values. Pure: the same inputs
 * give the same changes. A result older than the doc's current `verifiedAt` does not move its status or
 * `verifiedAt` backwards (a late CI report must not undo a newer local verification).
 */
export function planChanges(current: Record<string, unknown>, input: RecordInput): FieldChange[] {
  const status = typeof current.status === 'string' ? current.status.trim().toLowerCase() : undefined;
  if (status !== undefined && UNTOUCHED.has(status)) return [];
  const changes: FieldChange[] = [];
  const finishedAt = isoOrUndefined(input.finishedAt) ?? input.now.toISOString();
  const stale = isOlder(finishedAt, current.verifiedAt);
  if (input.outcome === 'passed' && !stale) {
    if (current.status !== 'verified') changes.push({ key: 'status', old: current.status, new: 'verified' });
    if (!sameInstant(current.verifiedAt, finishedAt)) changes.push({ key: 'verifiedAt', old: current.verifiedAt, new: finishedAt });
  }
  if (input.outcome === 'failed' && !stale && current.status !== 'failed') {
    changes.push({ key: 'status', old: current.status, new: 'failed' });
  }
  if (input.reuseIncrement > 0) {
    const old = reuseCount(current.timesReused);
    changes.push({ key: 'timesReused', old: current.timesReused, new: old + input.reuseIncrement });
  }
  if (changes.length > 0 && isBlank(current.savedAt)) {
    changes.push({ key: 'savedAt', old: current.savedAt, new: finishedAt });
  }
  return changes;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function isOlder(iso: string, than: unknown): boolean {
  const other = timeOf(than);
  return other !== undefined && Date.parse(iso) < other;
}

function sameInstant(value: unknown, iso: string): boolean {
  return typeof value === 'string' && value === iso;
}

/** A count that is missing or not a whole number starts again from 0. */
function reuseCount(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
