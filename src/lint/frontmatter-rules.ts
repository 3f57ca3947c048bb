import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc } from '../core/model.js';

/** ISO 8601 date or date-time, as `--record` writes them (`2026-02-08T11:31:40.000Z`). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Lint-only frontmatter checks: verification dates (warnings; they never change what runs). The
 * shapes of the keys stepdoc reads are checked by the parser (doc/frontmatter-shapes.ts), for run too.
 */
export function checkFrontmatter(doc: Doc): Diagnostic[] {
  const fm = doc.frontmatter;
  const out: Diagnostic[] = [];
  for (const key of ['savedAt', 'verifiedAt']) {
    const value = fm.raw[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
      out.push(
        warningDiag('frontmatter-date', `\`${key}: ${String(value)}\` is not an ISO 8601 date`, fm.keySpans[key], {
          expected: 'e.g. "2026-02-08T11:31:40.000Z"',
        }),
      );
    }
  }
  return out;
}
