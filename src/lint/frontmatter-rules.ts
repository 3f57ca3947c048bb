import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';

/** ISO 8601 date or date-time, as `--record` writes them (`2026-02-08T11:31:40.000Z`). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

type Kind = 'string' | 'boolean' | 'list';
/** Frontmatter keys whose shape the parser reads leniently; lint says when a value cannot be what it means. */
const SHAPES: Record<string, Kind> = {
  endpoint: 'string', domain: 'string', swagger: 'string', api: 'string', expectedOutcomeReason: 'string',
  skipReason: 'string', testDataDescription: 'string', status: 'string',
  useFallbackApi: 'boolean', parallel: 'boolean', requiresTestData: 'boolean',
  tags: 'list', tokens: 'list',
};
const WORDS: Record<Kind, string> = { string: 'a string', boolean: 'true or false', list: 'a list of names, e.g. [a, b]' };

/** Lint-only frontmatter checks: value shapes and verification dates. */
export function checkFrontmatter(doc: Doc): Diagnostic[] {
  const fm = doc.frontmatter;
  const out: Diagnostic[] = [];
  for (const [key, kind] of Object.entries(SHAPES)) {
    const value = fm.raw[key];
    if (value === undefined || value === null || fits(value, kind)) continue;
    out.push(errorDiag('frontmatter-type', `frontmatter \`${key}\` has the wrong type`, fm.keySpans[key], { expected: WORDS[kind] }));
  }
  for (const key of ['savedAt', 'verifiedAt']) {
    const value = fm.raw[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
      out.push(warningDiag('frontmatter-date', `\`${key}: ${String(value)}\` is not an ISO 8601 date`, fm.keySpans[key], {
        expected: 'e.g. "2026-02-08T11:31:40.000Z"',
      }));
    }
  }
  return out;
}

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'string') return typeof value === 'string' || typeof value === 'number';
  if (kind === 'boolean') return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|yes|no)$/i.test(value));
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
}
