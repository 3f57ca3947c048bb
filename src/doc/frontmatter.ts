import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { DocStatus, Endpoint, Frontmatter } from '../core/model.js';
import type { LineIndex, SourceSpan } from '../core/span.js';
import { checkFrontmatterShapes } from './frontmatter-shapes.js';
import { YamlBlock } from './yaml-block.js';
import { asBoolean, asInteger, asString, asStringList } from './values.js';

export interface FrontmatterRead {
  frontmatter: Frontmatter;
  /** Offset where the Markdown body starts. */
  bodyOffset: number;
  present: boolean;
  diagnostics: Diagnostic[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Frontmatter is YAML between a first line `---` and the next `---` (or `...`) line. */
export function readFrontmatter(text: string, file: string, index: LineIndex): FrontmatterRead {
  const open = OPEN.exec(text);
  if (!open) return { frontmatter: emptyFrontmatter(), bodyOffset: 0, present: false, diagnostics: [] };
  const start = open[0].length;
  const lineOffsets: number[] = [];
  let offset = start;
  let close = -1;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl + 1;
    const c = text.charCodeAt(offset);
    if ((c === 45 || c === 46) && CLOSE.test(text.slice(offset, end).replace(/\r?\n$/, ''))) {
      close = offset;
      offset = end;
      break;
    }
    lineOffsets.push(offset);
    offset = end;
  }
  if (close === -1) {
    const diag = errorDiag(
      'frontmatter-unterminated',
      'frontmatter is not closed',
      { file, line: 1, col: 1, length: 3 },
      {
        expected: 'a line `---` after the frontmatter keys',
      },
    );
    return { frontmatter: emptyFrontmatter(), bodyOffset: text.length, present: true, diagnostics: [diag] };
  }
  const yaml = new YamlBlock(text.slice(start, close), lineOffsets, file, index);
  const diagnostics = [...yaml.diagnostics];
  const frontmatter = emptyFrontmatter();
  const root = yaml.root;
  if (yaml.ok && root !== null && root.kind !== 'map') {
    diagnostics.push(errorDiag('frontmatter-not-mapping', 'frontmatter must be a mapping of keys', yaml.nodeSpan(root), { expected: '`key: value` lines' }));
  } else if (yaml.ok && root?.kind === 'map') {
    frontmatter.keySpans = topLevel(yaml.collectSpans(root).keySpans);
    normalise((yaml.toJS(root, diagnostics) ?? {}) as Record<string, unknown>, frontmatter, diagnostics, file);
  }
  return { frontmatter, bodyOffset: offset, present: true, diagnostics };
}

export function emptyFrontmatter(): Frontmatter {
  return { tags: [], status: 'unknown', tokens: [], useFallbackApi: false, vars: {}, parallel: false, raw: {}, keySpans: {} };
}

const STATUS: Record<string, DocStatus> = {
  verified: 'verified',
  success: 'verified',
  pass: 'verified',
  passed: 'verified',
  pending: 'pending',
  draft: 'pending',
  failed: 'failed',
  fail: 'failed',
  failure: 'failed',
  skipped: 'skipped',
  skip: 'skipped',
  deprecated: 'deprecated',
};

function normalise(written: Record<string, unknown>, fm: Frontmatter, diags: Diagnostic[], file: string): void {
  fm.raw = written;
  // `expectedOutcome:` with nothing after it is absent, as the format's authors write it, not a type error.
  const raw = Object.fromEntries(Object.entries(written).filter(([, value]) => value !== null));
  const at = (key: string): SourceSpan | undefined => fm.keySpans[key];
  const bad = (key: string, expected: string) => diags.push(errorDiag('frontmatter-type', `frontmatter \`${key}\` has the wrong type`, at(key), { expected }));

  diags.push(...checkFrontmatterShapes(raw, at));
  if (raw.endpoint !== undefined) fm.endpoint = parseEndpoint(raw.endpoint, at('endpoint') ?? { file, line: 1, col: 1 }, diags);
  fm.domain = asString(raw.domain);
  fm.tags = asStringList(raw.tags) ?? [];
  fm.swagger = asString(raw.swagger);
  fm.savedAt = asString(raw.savedAt);
  fm.verifiedAt = asString(raw.verifiedAt);
  fm.tokens = asStringList(raw.tokens) ?? [];
  fm.useFallbackApi = asBoolean(raw.useFallbackApi) ?? false;
  fm.expectedOutcomeReason = asString(raw.expectedOutcomeReason);
  fm.skipReason = asString(raw.skipReason);
  fm.requiresTestData = asBoolean(raw.requiresTestData);
  fm.testDataDescription = asString(raw.testDataDescription);
  fm.api = asString(raw.api);
  fm.parallel = asBoolean(raw.parallel) ?? false;
  // `cookies: false` turns the doc's cookie jar off (read by the runner from raw); anything else but a boolean is a mistake.
  if (raw.cookies !== undefined && asBoolean(raw.cookies) === undefined) bad('cookies', 'true or false');
  if (raw.timesReused !== undefined) {
    fm.timesReused = asInteger(raw.timesReused);
    if (fm.timesReused === undefined) bad('timesReused', 'a whole number');
  }
  if (raw.expectedOutcome !== undefined) {
    // One status, or a list of them (`expectedOutcome: [200]`, as the vcita docs write it).
    const statuses = (Array.isArray(raw.expectedOutcome) ? raw.expectedOutcome : [raw.expectedOutcome]).map(asInteger);
    if (statuses.length > 0 && statuses.every((s): s is number => s !== undefined && s >= 100 && s <= 599)) fm.expectedOutcome = statuses;
    else bad('expectedOutcome', 'an HTTP status code (100–599) or a list of them');
  }
  if (raw.vars !== undefined) {
    if (raw.vars && typeof raw.vars === 'object' && !Array.isArray(raw.vars)) fm.vars = raw.vars as Record<string, unknown>;
    else bad('vars', 'a mapping of variable names to values');
  }
  if (raw.status !== undefined) {
    fm.rawStatus = String(raw.status);
    fm.status = STATUS[fm.rawStatus.toLowerCase()] ?? 'unknown';
    if (fm.status === 'unknown') {
      diags.push(
        warningDiag('unknown-status', `unknown status \`${fm.rawStatus}\``, at('status'), {
          expected: 'verified, pending, failed or skipped',
        }),
      );
    }
  }
}

const ENDPOINT = /^\s*([A-Za-z]+)\s+(\S+)\s*$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function parseEndpoint(value: unknown, span: SourceSpan, diags: Diagnostic[]): Endpoint | undefined {
  const match = typeof value === 'string' ? ENDPOINT.exec(value) : null;
  if (!match || !METHODS.has(match[1].toUpperCase()) || !match[2].startsWith('/')) {
    diags.push(
      errorDiag('endpoint-format', `endpoint \`${String(value)}\` is not "METHOD /path"`, span, {
        expected: 'e.g. "POST /platform/v1/clients"',
      }),
    );
    return undefined;
  }
  return { method: match[1].toUpperCase(), path: match[2], span };
}

function topLevel(spans: Record<string, SourceSpan>): Record<string, SourceSpan> {
  const out: Record<string, SourceSpan> = {};
  for (const [k, v] of Object.entries(spans)) if (!k.includes('.')) out[k] = v;
  return out;
}
