import type { Diagnostic } from '../core/diagnostic.js';
import type { LintReport } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 (GitHub code scanning, IDE viewers): one rule per diagnostic code, one result per
 * diagnostic, locations relative to the project root (`%SRCROOT%`).
 */
export function formatSarif(report: LintReport, version: string): string {
  const codes = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stepdoc',
            version,
            rules: codes.map((id) => ({
              id,
              name: id,
              shortDescription: { text: firstMessage(report.diagnostics, id) },
              help: { text: `See docs/diagnostics.md (${id}) in the stepdoc package.` },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: report.diagnostics.map((d) => result(d, codes.indexOf(d.code))),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function result(d: Diagnostic, ruleIndex: number) {
  const text = [d.message, d.expected ? `expected ${d.expected}` : '', d.help ? `help: ${d.help}` : ''].filter(Boolean).join('; ');
  return {
    ruleId: d.code,
    ruleIndex,
    level: d.severity === 'info' ? 'note' : d.severity,
    message: { text },
    ...(d.span
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(d.span.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.span.line, startColumn: d.span.col, endColumn: d.span.col + (d.span.length ?? 1) },
              },
            },
          ],
        }
      : {}),
  };
}

function firstMessage(diagnostics: readonly Diagnostic[], code: string): string {
  return diagnostics.find((d) => d.code === code)?.message ?? code;
}
