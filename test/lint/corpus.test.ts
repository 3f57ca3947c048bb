import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { SHARED } from '../support/cli.js';
import { documentedCodes } from './helpers.js';

const CORPUS = resolve(SHARED, 'corpus/vcita');

describe.skipIf(!existsSync(CORPUS))('lint over the real vcita docs', () => {
  it('lints every doc without an exception, with documented codes only', async () => {
    const report = await lint({ paths: ['workflows'], cwd: CORPUS, env: {}, vars: ['business_id=b'] });
    expect(report.docs).toBeGreaterThanOrEqual(180);
    const documented = documentedCodes();
    expect([...new Set(report.diagnostics.map((d) => d.code))].filter((c) => !documented.has(c))).toEqual([]);
    // Every finding points into a doc it linted.
    for (const d of report.diagnostics) expect(d.span && report.sources.has(d.span.file)).toBe(true);
    // The real JSONPaths all read as valid: the syntax check has no false positives on them.
    expect(report.diagnostics.filter((d) => d.code === 'jsonpath-syntax')).toEqual([]);
  });
});
