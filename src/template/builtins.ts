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

type Compute = (timestamp: number, random: () => Buffer) => unknown;

/** Values derived from the doc run's timestamp, or random. */
const DERIVED: Record<string, Compute> = {
  now_datetime: (t) => new Date(t).toISOString(),
  current_date: (t) => isoDate(t),
  today_date: (t) => isoDate(t),
  tomorrow_date: (t) => isoDate(t + DAY),
  tomorrow_datetime: (t) => `${isoDate(t + DAY)}T17:00:00.000Z`,
  next_week_date: (t) => isoDate(t + 7 * DAY),
  next_month_date: (t) => isoDate(addMonths(t, 1)),
  future_datetime: (t) => new Date(t + 30 * DAY).toISOString(),
  future_datetime_48h: (t) => new Date(t + 2 * DAY).toISOString(),
  unique_id: (t, random) => `${t.toString(36)}${random().toString('hex', 0, 4)}`,
  random_uuid: () => randomUUID(),
  random_int: (_t, random) => random().readUInt32BE(4) % 1_000_000,
  random_string: (_t, random) => random().toString('hex', 8, 14),
  random_email: (t, random) => `stepdoc+${t}${random().toString('hex', 14, 16)}@example.com`,
  random_phone: (_t, random) => `+1555${String(random().readUInt32BE(16) % 10_000_000).padStart(7, '0')}`,
};

const TIMESTAMP = Symbol('timestamp');
const RANDOM = Symbol('random bytes');
type Builtins = Record<string, unknown> & { [TIMESTAMP]: number; [RANDOM]?: Buffer };

/** Replaces an accessor with the plain value it settled on. */
function settle(vars: Builtins, name: string, value: unknown): unknown {
  Object.defineProperty(vars, name, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * Accessors shared by every doc run: a derived value is computed on first read and then stays
 * (so every step of the doc sees the same one); assigning (a doc's own var, an extract) replaces it.
 */
const DESCRIPTORS: PropertyDescriptorMap = Object.fromEntries(
  Object.entries(DERIVED).map(([name, compute]) => [name, {
    enumerable: true,
    configurable: true,
    get(this: Builtins) {
      // One draw for all the random values of a doc run.
      return settle(this, name, compute(this[TIMESTAMP], () => (this[RANDOM] ??= randomBytes(20))));
    },
    set(this: Builtins, value: unknown) {
      settle(this, name, value);
    },
  } satisfies PropertyDescriptor]),
);

/**
 * The built-in variables the real docs use (DESIGN §1), fixed for one doc run so every step of the
 * doc sees the same values. Names are documented in docs/format.md. Most docs read one or two of
 * them, so the rest (dates, random values: a random draw and six date conversions) are computed
 * only when read.
 */
export function builtinVariables(timestamp: number): Record<string, unknown> {
  const vars: Record<string, unknown> = { timestamp, now_timestamp: timestamp };
  Object.defineProperty(vars, TIMESTAMP, { value: timestamp });
  return Object.defineProperties(vars, DESCRIPTORS);
}

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(['timestamp', 'now_timestamp', ...Object.keys(DERIVED)]);
