import { randomBytes, randomUUID } from 'node:crypto';

let lastTimestamp = 0;

/**
 * A timestamp for one run of one doc: milliseconds since the epoch, strictly increasing within the
 * process so docs started in the same millisecond still get different emails, cards and names.
 */
export function uniqueTimestamp(now = Date.now()): number {
  lastTimestamp = Math.max(now, lastTimestamp + 1);
  return lastTimestamp;
}

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * The built-in variables the real docs use (DESIGN §1), fixed for one doc run so every step of the
 * doc sees the same values. Names are documented in docs/format.md.
 */
export function builtinVariables(timestamp: number): Record<string, unknown> {
  const tomorrow = timestamp + DAY;
  // One draw for all the random values of a doc run (one call instead of five: they are per doc).
  const bytes = randomBytes(20);
  return {
    timestamp,
    now_timestamp: timestamp,
    now_datetime: new Date(timestamp).toISOString(),
    current_date: isoDate(timestamp),
    today_date: isoDate(timestamp),
    tomorrow_date: isoDate(tomorrow),
    tomorrow_datetime: `${isoDate(tomorrow)}T17:00:00.000Z`,
    next_week_date: isoDate(timestamp + 7 * DAY),
    next_month_date: isoDate(addMonths(timestamp, 1)),
    future_datetime: new Date(timestamp + 30 * DAY).toISOString(),
    future_datetime_48h: new Date(timestamp + 2 * DAY).toISOString(),
    unique_id: `${timestamp.toString(36)}${bytes.toString('hex', 0, 4)}`,
    random_uuid: randomUUID(),
    random_int: bytes.readUInt32BE(4) % 1_000_000,
    random_string: bytes.toString('hex', 8, 14),
    random_email: `stepdoc+${timestamp}${bytes.toString('hex', 14, 16)}@example.com`,
    random_phone: `+1555${String(bytes.readUInt32BE(16) % 10_000_000).padStart(7, '0')}`,
  };
}

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.keys(builtinVariables(0)));
