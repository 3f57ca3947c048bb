import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs returns for an options table: strings, booleans, or lists when `multiple`. */
export type ParsedValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { multiple: true }
    ? O[K] extends { type: 'boolean' }
      ? boolean[]
      : string[]
    : O[K] extends { type: 'boolean' }
      ? boolean
      : string;
};

/** node:util parseArgs with errors turned into usage diagnostics (exit 2) and a did-you-mean. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, command: string): { values: ParsedValues<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedValues<O>, positionals: parsed.positionals };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
    if (unknown) {
      const names = Object.keys(options).map((n) => `--${n}`);
      throw new UsageError(`unknown option \`${unknown[1]}\` for \`stepdoc ${command}\``, didYouMean(unknown[1], names) ?? `run \`stepdoc ${command} --help\``);
    }
    throw new UsageError(message.split('\n')[0].replace(/\. To specify.*$/, ''), `run \`stepdoc ${command} --help\``);
  }
}

export function intFlag(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max)
    throw new UsageError(`${flag} ${value}: expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
  return n;
}

/** `--shard 2/4` → { index: 2, total: 4 } (1-based). */
export function shardFlag(value: string | undefined): { index: number; total: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) throw new UsageError(`--shard ${value}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/4`);
  return { index, total };
}

export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) throw new UsageError(`${flag} ${value}: expected one of ${choices.join(', ')}`, didYouMean(value, choices));
  return value as T;
}

export function booleanFlag(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new UsageError(`${flag} ${value}: expected true or false`);
}
