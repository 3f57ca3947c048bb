import type { Doc } from '../../core/model.js';
import { closest, editDistance } from '../../core/suggest.js';
import { findOperation, operationIndex } from '../../openapi/lookup.js';
import type { LoadedSpec, Operation } from '../../openapi/model.js';
import { ageOf } from './age.js';
import type { CoverageReport, CoverageTotals, DocCoverage, MissingSpec, OperationCoverage, SpecCoverage, UnmatchedDoc } from './model.js';
import { byText, compareOperations } from './order.js';

/** One spec file and the docs whose `swagger:` resolved to it (found and loaded by the caller). */
export interface SpecInput {
  /** Display path of the file. */
  file: string;
  /** Undefined when the file could not be loaded; `loadError` says why. */
  spec?: LoadedSpec;
  loadError?: string;
  /** The distinct `swagger:` values that named it; empty for a spec given with `--swagger` only. */
  referencedAs: string[];
  docs: Doc[];
}

export interface CoverageInput {
  specs: SpecInput[];
  missingSpecs: MissingSpec[];
  docsWithoutSwagger: string[];
  /** Ages are computed against this instant (tests pin it). */
  now: Date;
}

/** Docs + loaded specs → the coverage report. Pure: no I/O, no clock. */
export function computeCoverage(input: CoverageInput): CoverageReport {
  const specs = input.specs.map((s) => specCoverage(s, input.now)).sort((a, b) => byText(a.file, b.file));
  return {
    schemaVersion: 1,
    generatedAt: input.now.toISOString(),
    specs,
    missingSpecs: [...input.missingSpecs].sort((a, b) => byText(a.swagger, b.swagger)),
    docsWithoutSwagger: [...input.docsWithoutSwagger].sort(byText),
    totals: sumTotals(specs.map((s) => s.totals)),
  };
}

function specCoverage(input: SpecInput, now: Date): SpecCoverage {
  const { spec } = input;
  const rows = new Map<Operation, OperationCoverage>();
  for (const operation of spec?.operations ?? []) rows.set(operation, emptyRow(operation));
  const unmatched: UnmatchedDoc[] = [];
  for (const doc of input.docs) {
    const endpoint = doc.frontmatter.endpoint;
    const operation = spec && endpoint ? findOperation(spec, endpoint.method, endpoint.path) : undefined;
    const row = operation ? rows.get(operation) : undefined;
    if (row) row.docs.push(docCoverage(doc, now));
    else if (spec) unmatched.push(unmatchedDoc(doc, spec, now));
  }
  const operations = [...rows.values()].sort(compareOperations);
  for (const row of operations) {
    row.docs.sort((a, b) => byText(a.doc, b.doc));
    row.covered = row.docs.length > 0;
    row.verified = row.docs.some((d) => d.status === 'verified');
  }
  return {
    file: input.file,
    ...(spec?.title ? { title: spec.title } : {}),
    ...(spec ? { version: spec.version } : {}),
    loaded: spec !== undefined,
    ...(input.loadError ? { loadError: input.loadError } : {}),
    referenced: input.referencedAs.length > 0,
    referencedAs: [...new Set(input.referencedAs)].sort(byText),
    operations,
    unmatched: unmatched.sort((a, b) => byText(a.doc, b.doc)),
    totals: totalsOf(operations),
  };
}

function emptyRow(operation: Operation): OperationCoverage {
  return {
    method: operation.method.toUpperCase(),
    path: operation.path,
    prefix: operation.prefixes.find((p) => p !== '') ?? '',
    ...(operation.operationId ? { operationId: operation.operationId } : {}),
    ...(operation.summary ? { summary: operation.summary } : {}),
    docs: [],
    covered: false,
    verified: false,
  };
}

function docCoverage(doc: Doc, now: Date): DocCoverage {
  const fm = doc.frontmatter;
  const age = ageOf(fm.verifiedAt, now);
  return {
    doc: doc.displayPath,
    endpoint: fm.endpoint ? endpointText(fm.endpoint) : '',
    status: fm.status,
    ...(fm.rawStatus !== undefined && fm.rawStatus !== fm.status ? { rawStatus: fm.rawStatus } : {}),
    ...(fm.verifiedAt !== undefined ? { verifiedAt: fm.verifiedAt } : {}),
    ageDays: age.days,
    age: age.label,
  };
}

function unmatchedDoc(doc: Doc, spec: LoadedSpec, now: Date): UnmatchedDoc {
  const { endpoint, ...rest } = docCoverage(doc, now);
  if (!doc.frontmatter.endpoint) return { ...rest, reason: 'no-endpoint' };
  const near = closestRoute(endpoint, operationIndex(spec).routes());
  return { ...rest, endpoint, reason: 'not-in-spec', ...(near ? { closest: near } : {}) };
}

function endpointText(endpoint: { method: string; path: string }): string {
  return `${endpoint.method.toUpperCase()} ${endpoint.path}`;
}

/** The did-you-mean candidate when one is close; otherwise still the nearest route, so the reader has a lead. */
function closestRoute(wanted: string, routes: string[]): string | undefined {
  const near = closest(wanted, routes);
  if (near !== undefined) return near;
  let best: { route: string; distance: number } | undefined;
  for (const route of new Set(routes)) {
    const distance = editDistance(wanted.toLowerCase(), route.toLowerCase());
    if (!best || distance < best.distance) best = { route, distance };
  }
  return best?.route;
}

export function totalsOf(operations: OperationCoverage[]): CoverageTotals {
  const covered = operations.filter((o) => o.covered).length;
  const verifiedCovered = operations.filter((o) => o.verified).length;
  return withPercents({ operations: operations.length, covered, verifiedCovered });
}

function sumTotals(list: CoverageTotals[]): CoverageTotals {
  const sum = (key: 'operations' | 'covered' | 'verifiedCovered') => list.reduce((n, t) => n + t[key], 0);
  return withPercents({ operations: sum('operations'), covered: sum('covered'), verifiedCovered: sum('verifiedCovered') });
}

function withPercents(counts: Pick<CoverageTotals, 'operations' | 'covered' | 'verifiedCovered'>): CoverageTotals {
  const pct = (n: number) => (counts.operations === 0 ? null : Math.round((n / counts.operations) * 1000) / 10);
  return { ...counts, percent: pct(counts.covered), verifiedPercent: pct(counts.verifiedCovered) };
}
