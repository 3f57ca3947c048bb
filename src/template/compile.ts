import { liquidjs, type Template } from './liquidjs.js';
import { TemplateError } from '../core/errors.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';
import { liquid } from './engine.js';
import { plainParts, type PlainPart } from './plain.js';

/** A value tree whose strings are compiled once; rendering walks it with a scope. */
export type TemplateNode =
  | { kind: 'literal'; value: unknown }
  /** `templates`: liquidjs's parse; plain templates have `plain` instead (parsed only if ever needed). */
  | { kind: 'string'; source: string; templates?: Template[]; typed: boolean; plain?: PlainPart[]; span?: SourceSpan }
  | { kind: 'array'; items: TemplateNode[] }
  | { kind: 'object'; entries: Array<[TemplateNode, TemplateNode]> };

const HAS_TEMPLATE = /\{\{|\{%/;
const FILE_TAGS = /\{%-?\s*(?:liquid\b[^%]*?\b)?(include|render|layout)\b/;
const SINGLE_OUTPUT = /^\{\{(?:(?!\}\}).)*\}\}$/s;
const FILTER_NAMES = () => Object.keys((liquid() as unknown as { filters: Record<string, unknown> }).filters ?? {});

/** Spans by dotted path, so a template error points at its line and column. */
export type SpanLookup = (path: string) => SourceSpan | undefined;

export function compileValue(value: unknown, spans: SpanLookup = () => undefined, path = ''): TemplateNode {
  if (typeof value === 'string') return compileString(value, spans(path));
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v, i) => compileValue(v, spans, join(path, String(i)))) };
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]): [TemplateNode, TemplateNode] => [
      compileString(k, spans(join(path, k))),
      compileValue(v, spans, join(path, k)),
    ]);
    if (entries.every(([k, v]) => k.kind === 'literal' && v.kind === 'literal')) return { kind: 'literal', value };
    return { kind: 'object', entries };
  }
  return { kind: 'literal', value };
}

/**
 * Compiled strings by source text. Docs repeat the same strings (`{{ client_id }}`, `{{ timestamp }}`)
 * hundreds of times in a run; a parse is immutable, so one serves them all. Bounded, so linting a
 * huge tree of unique strings cannot grow it without limit.
 */
type Compiled = { templates?: Template[]; typed: boolean; plain?: PlainPart[] };
const parsed = new Map<string, Compiled>();
const MAX_PARSED = 20_000;

export function compileString(source: string, span?: SourceSpan): TemplateNode {
  if (!HAS_TEMPLATE.test(source)) return { kind: 'literal', value: source };
  let entry = parsed.get(source);
  if (!entry) {
    entry = compileSource(source, span);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(source, entry);
  }
  return { kind: 'string', source, templates: entry.templates, typed: entry.typed, plain: entry.plain, span };
}

/**
 * A plain template is valid Liquid by construction (text and `{{ name }}` outputs), so liquidjs
 * need not see it; anything else is parsed by liquidjs now, whose errors are the ones authors see.
 */
function compileSource(source: string, span?: SourceSpan): Compiled {
  const plain = plainParts(source);
  if (plain) return { plain, typed: plain.length === 1 && typeof plain[0] !== 'string' };
  const fileTag = FILE_TAGS.exec(source);
  // These read templates from disk (asynchronously, even in a sync render): never from a doc.
  if (fileTag) throw new TemplateError(`the \`${fileTag[1]}\` tag is not available in docs (it reads files) in \`${source}\``, 'template-syntax', span);
  try {
    const templates = liquid().parse(source);
    return { templates, typed: SINGLE_OUTPUT.test(source) && templates.length === 1 && templates[0] instanceof liquidjs().Output };
  } catch (error) {
    throw templateError(error, source, span);
  }
}

/** liquidjs's parse of a compiled string: made on first need for a plain one (a value it cannot render alone). */
export function liquidTemplates(node: Extract<TemplateNode, { kind: 'string' }>): Template[] {
  if (node.templates) return node.templates;
  const entry = parsed.get(node.source);
  if (entry?.templates) return (node.templates = entry.templates);
  const templates = liquid().parse(node.source);
  if (entry) entry.templates = templates;
  return (node.templates = templates);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A liquidjs error → TemplateError at the template's place, with a did-you-mean for filters. */
export function templateError(error: unknown, source: string, span?: SourceSpan): TemplateError {
  const message = error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, '') : String(error);
  const filter = /undefined filter: (\S+)/.exec(message);
  const code = filter ? 'unknown-filter' : /undefined variable/.test(message) ? 'unknown-variable' : 'template-syntax';
  const help = filter ? didYouMean(filter[1], FILTER_NAMES()) : undefined;
  return new TemplateError(`${message} in \`${source}\``, code, span, help);
}
