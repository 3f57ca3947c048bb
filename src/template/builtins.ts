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

/** That day at 17:00:00.000 UTC, as the docs' authors' runner wrote it. */
function at17(ms: number): string {
  return `${isoDate(ms)}T17:00:00.000Z`;
}

function monthEdge(ms: number, end: boolean): string {
  const d = new Date(ms);
  return isoDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (end ? 1 : 0), end ? 0 : 1));
}

const FIRST_NAMES = ['Alex', 'Dana', 'Jordan', 'Morgan', 'Riley', 'Sam', 'Taylor', 'Casey'];
const LAST_NAMES = ['Smith', 'Johnson', 'Lee', 'Garcia', 'Brown', 'Miller', 'Davis', 'Wilson'];
const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Pine Rd', 'Elm St'];

type Compute = (timestamp: number, random: () => Buffer) => unknown;

/**
 * Values derived from the doc run's timestamp, or random. Names and meanings are those of the runner
 * the vcita docs were written for: dates in UTC, `*_date` as YYYY-MM-DD, `*_timestamp` in Unix seconds.
 */
const DERIVED: Record<string, Compute> = {
  now_timestamp: (t) => Math.floor(t / 1000),
  tomorrow_timestamp: (t) => Math.floor((t + DAY) / 1000),
  now_datetime: (t) => new Date(t).toISOString(),
  current_date: (t) => isoDate(t),
  today_date: (t) => isoDate(t),
  yesterday_date: (t) => isoDate(t - DAY),
  tomorrow_date: (t) => isoDate(t + DAY),
  tomorrow_datetime: (t) => at17(t + DAY),
  next_week_date: (t) => isoDate(t + 7 * DAY),
  next_week_datetime: (t) => at17(t + 7 * DAY),
  next_month_date: (t) => isoDate(addMonths(t, 1)),
  start_of_month_date: (t) => monthEdge(t, false),
  end_of_month_date: (t) => monthEdge(t, true),
  current_year: (t) => String(new Date(t).getUTCFullYear()),
  current_month: (t) => String(new Date(t).getUTCMonth() + 1).padStart(2, '0'),
  future_datetime: (t) => new Date(t + DAY).toISOString(),
  future_datetime_48h: (t) => new Date(t + 2 * DAY).toISOString(),
  unique_id: (t) => t,
  random_uuid: () => randomUUID(),
  random_int: (_t, random) => random().readUInt32BE(4) % 1_000_000,
  random_number: (_t, random) => random().readUInt32BE(0) % 10_000,
  random_string: (_t, random) => `test_${base36(random(), 8)}`,
  random_email: (t) => `apitest_${t}@example.com`,
  random_phone: (_t, random) => `+1555${String(random().readUInt32BE(16) % 10_000_000).padStart(7, '0')}`,
  random_firstname: (_t, random) => FIRST_NAMES[random()[12] % FIRST_NAMES.length],
  random_lastname: (_t, random) => LAST_NAMES[random()[13] % LAST_NAMES.length],
  random_address: (_t, random) => `${100 + (random().readUInt16BE(14) % 9900)} ${STREETS[random()[15] % STREETS.length]}`,
  random_url: (t) => `https://example.com/apitest_${t}`,
};

/** `count` base-36 characters from the random bytes 20… (one byte each). */
function base36(bytes: Buffer, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += (bytes[20 + i] % 36).toString(36);
  return out;
}

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
  Object.entries(DERIVED).map(([name, compute]) => [
    name,
    {
      enumerable: true,
      configurable: true,
      get(this: Builtins) {
        // One draw for all the random values of a doc run.
        return settle(
          this,
          name,
          compute(this[TIMESTAMP], () => (this[RANDOM] ??= randomBytes(32))),
        );
      },
      set(this: Builtins, value: unknown) {
        settle(this, name, value);
      },
    } satisfies PropertyDescriptor,
  ]),
);

/**
 * The built-in variables the real docs use (DESIGN §1), fixed for one doc run so every step of the
 * doc sees the same values. Names are documented in docs/format.md. Most docs read one or two of
 * them, so the rest (dates, random values: a random draw and six date conversions) are computed
 * only when read.
 */
export function builtinVariables(timestamp: number): Record<string, unknown> {
  const vars: Record<string, unknown> = { timestamp };
  Object.defineProperty(vars, TIMESTAMP, { value: timestamp });
  return Object.defineProperties(vars, DESCRIPTORS);
}

export const BUILTIN_NAMES: ReadonlySet<string> = new Set(['timestamp', ...Object.keys(DERIVED)]);
