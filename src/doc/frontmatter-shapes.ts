import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { SourceSpan } from '../core/span.js';

type Kind = 'string' | 'boolean' | 'list';
/**
 * Frontmatter keys stepdoc reads, with the shape each must have. The reader is lenient (`"3"` is a
 * number, `yes` a boolean), but a value that cannot be what it means (`tags: 5`) is an error for
 * run and lint alike: it would silently change which docs a filter selects. Other keys are the
 * doc's own metadata and stay free.
 */
const SHAPES: Record<string, Kind> = {
  endpoint: 'string',
  domain: 'string',
  swagger: 'string',
  api: 'string',
  expectedOutcomeReason: 'string',
  skipReason: 'string',
  testDataDescription: 'string',
  status: 'string',
  useFallbackApi: 'boolean',
  parallel: 'boolean',
  requiresTestData: 'boolean',
  tags: 'list',
  tokens: 'list',
};
const WORDS: Record<Kind, string> = { string: 'a string', boolean: 'true or false', list: 'a list of names, e.g. [a, b]' };

/** `raw` without empty values (an empty value is absent). */
export function checkFrontmatterShapes(raw: Record<string, unknown>, spanOf: (key: string) => SourceSpan | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, kind] of Object.entries(SHAPES)) {
    const value = raw[key];
    if (value === undefined || fits(value, kind)) continue;
    out.push(errorDiag('frontmatter-type', `frontmatter \`${key}\` has the wrong type`, spanOf(key), { expected: WORDS[kind] }));
  }
  return out;
}

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'string') return typeof value === 'string' || typeof value === 'number';
  if (kind === 'boolean') return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|yes|no)$/i.test(value));
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
}
