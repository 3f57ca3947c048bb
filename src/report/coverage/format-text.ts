import type { Colors } from 'picocolors/types.js';
import type { DocStatus } from '../../core/model.js';
import type { CoverageReport, CoverageTotals, DocCoverage, SpecCoverage, UnmatchedDoc } from './model.js';
import { renderTable, type Cell } from './table.js';

const VERSION_NAMES: Record<string, string> = { '2.0': 'Swagger 2.0', '3.0': 'OpenAPI 3.0', '3.1': 'OpenAPI 3.1' };

/** The console view: one aligned table per spec, then the totals. */
export function formatCoverageText(report: CoverageReport, c: Colors): string {
  const blocks = report.specs.map((spec) => specBlock(spec, c).join('\n'));
  blocks.push(footer(report, c).join('\n'));
  return blocks.join('\n\n') + '\n';
}

function specBlock(spec: SpecCoverage, c: Colors): string[] {
  const about = [spec.title, spec.version ? (VERSION_NAMES[spec.version] ?? spec.version) : undefined].filter(Boolean).join(', ');
  const extra = spec.referenced ? '' : c.dim(' [--swagger: no doc names it]');
  const lines = [`${c.bold(spec.file)}${about ? c.dim(` — ${about}`) : ''}${extra}`];
  if (!spec.loaded) return [...lines, `  ${c.red('not loaded')}: ${spec.loadError ?? 'unreadable'}`];
  lines.push(`  ${totalsText(spec.totals, c)}`);
  if (spec.operations.length > 0)
    lines.push('', ...renderTable([headerRow(c), ...spec.operations.flatMap((op) => operationRows(op.method, op.prefix + op.path, op.docs, c))]));
  if (spec.unmatched.length > 0)
    lines.push(
      '',
      `  ${c.yellow('not in spec')} (docs naming this file whose endpoint it does not have):`,
      ...renderTable(
        spec.unmatched.map((u) => unmatchedRow(u, c)),
        '    ',
      ),
    );
  return lines;
}

function headerRow(c: Colors): Cell[] {
  return ['METHOD', 'PATH', 'DOC', 'STATUS', 'VERIFIED'].map((text) => ({ text, paint: c.dim }));
}

function operationRows(method: string, path: string, docs: DocCoverage[], c: Colors): Cell[][] {
  if (docs.length === 0) return [[{ text: method }, { text: path }, { text: '— not covered', paint: c.red }, { text: '' }, { text: '' }]];
  return docs.map((doc, i) => [
    { text: i === 0 ? method : '' },
    { text: i === 0 ? path : '' },
    { text: doc.doc },
    statusCell(doc.status, doc.rawStatus, c),
    { text: doc.age, paint: doc.ageDays === null ? c.yellow : c.dim },
  ]);
}

function unmatchedRow(u: UnmatchedDoc, c: Colors): Cell[] {
  const what = u.reason === 'no-endpoint' ? { text: 'no `endpoint:` in its frontmatter', paint: c.yellow } : { text: u.endpoint ?? '' };
  const hint = u.closest ? { text: `closest: ${u.closest}`, paint: c.dim } : { text: '' };
  return [{ text: u.doc }, what, statusCell(u.status, u.rawStatus, c), hint];
}

function statusCell(status: DocStatus, raw: string | undefined, c: Colors): Cell {
  const text = raw ? `${status} (${raw})` : status;
  const paint = status === 'verified' ? c.green : status === 'failed' ? c.red : c.yellow;
  return { text, paint };
}

function totalsText(t: CoverageTotals, c: Colors): string {
  if (t.operations === 0) return c.dim('no operations');
  const pct = (p: number | null) => (p === null ? '–' : `${p}%`);
  const color = t.percent === 100 ? c.green : t.covered === 0 ? c.red : c.yellow;
  return `${t.operations} operation${t.operations === 1 ? '' : 's'} · ${color(`${t.covered} covered (${pct(t.percent)})`)} · ${t.verifiedCovered} verified (${pct(t.verifiedPercent)})`;
}

function footer(report: CoverageReport, c: Colors): string[] {
  const specs = report.specs.length;
  const lines = [`${c.bold('Total')}: ${specs} spec${specs === 1 ? '' : 's'} · ${totalsText(report.totals, c)}`];
  const missingDocs = report.missingSpecs.reduce((n, m) => n + m.docs.length, 0);
  if (missingDocs > 0) lines.push(c.yellow(`${missingDocs} doc(s) name ${report.missingSpecs.length} swagger file(s) that do not exist (see the warnings)`));
  if (report.docsWithoutSwagger.length > 0) lines.push(c.dim(`${report.docsWithoutSwagger.length} doc(s) without \`swagger:\` are not counted`));
  return lines;
}
