import { Output, type Template } from 'liquidjs';
import { TemplateError } from '../core/errors.js';
import type { SourceSpan } from '../core/span.js';
import { didYouMean } from '../core/suggest.js';
import { liquid } from './engine.js';

/** A value tree whose strings are compiled once; rendering walks it with a scope. */
export type TemplateNode =
  | { kind: 'literal'; value: unknown }
  | { kind: 'string'; source: string; templates: Template[]; typed: boolean; span?: SourceSpan }
  | { kind: 'array'; items: TemplateNode[] }
  | { kind: 'object'; entries: Array<[TemplateNode, TemplateNode]> };

const HAS_TEMPLATE = /\{\{|\{%/;
const SINGLE_OUTPUT = /^\{\{(?:(?!\}\}).)*\}\}$/s;
const FILTER_NAMES = () => Object.keys((liquid() as unknown as { filters: Record<string, unknown> }).filters ?? {});

/** Spans by dotted path, so a template error points at its line and column. */
export type SpanLookup = (path: string) => SourceSpan | undefined;

export function compileValue(value: unknown, spans: SpanLookup = () => undefined, path = ''): TemplateNode {
  if (typeof value === 'string') return compileString(value, spans(path));
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v, i) => compileValue(v, spans, join(path, String(i)))) };
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]): [TemplateNode, TemplateNode] => [compileString(k, spans(join(path, k))), compileValue(v, spans, join(path, k))]);
    if (entries.every(([k, v]) => k.kind === 'literal' && v.kind === 'literal')) return { kind: 'literal', value };
    return { kind: 'object', entries };
  }
  return { kind: 'literal', value };
}

export function compileString(source: string, span?: SourceSpan): TemplateNode {
  if (!HAS_TEMPLATE.test(source)) return { kind: 'literal', value: source };
  try {
    const templates = liquid().parse(source);
    const typed = SINGLE_OUTPUT.test(source) && templates.length === 1 && templates[0] instanceof Output;
    return { kind: 'string', source, templates, typed, span };
  } catch (error) {
    throw templateError(error, source, span);
  }
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
