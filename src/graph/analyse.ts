import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { GraphNode } from './graph.js';
import { escapeRegExp } from '../core/regex.js';

/**
 * Every variable a step reads must be known before the run (built-in, env, config, vars) or be
 * extracted by an earlier step. A read creates a data dependency on the latest step extracting it.
 */
export function checkVariables(nodes: GraphNode[], reads: Array<Map<string, string[][]>>, known: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const extractedBy = new Map<string, number>();
  const laterExtracts = new Map<string, string>();
  nodes.forEach((node) => {
    for (const name of extractsOf(node)) if (!laterExtracts.has(name)) laterExtracts.set(name, node.step.id);
  });
  nodes.forEach((node, i) => {
    for (const [name] of reads[i]) {
      const producer = extractedBy.get(name);
      if (producer !== undefined) {
        if (!node.deps.includes(producer)) node.deps.push(producer);
        continue;
      }
      if (known.has(name)) continue;
      const later = laterExtracts.get(name);
      const span = node.kind === 'request' ? findSpan(node, name) : node.step.span;
      diagnostics.push(
        errorDiag('unknown-variable', `unknown variable \`${name}\` in step \`${node.step.id}\``, span, {
          expected: 'a built-in, a config or --var variable, or one extracted by an earlier step',
          help: later ? `step \`${later}\` extracts it, but runs later` : didYouMean(name, [...known, ...extractedBy.keys()]),
        }),
      );
    }
    for (const name of extractsOf(node)) extractedBy.set(name, i);
  });
  return diagnostics;
}

function extractsOf(node: GraphNode): string[] {
  return node.kind === 'request' ? Object.keys(node.step.extract) : [...(node.target?.extracts ?? [])];
}

/** The span of the first value whose text mentions the variable, for a precise caret. */
function findSpan(node: GraphNode & { kind: 'request' }, name: string) {
  const pattern = new RegExp(`\\{\\{-?\\s*${escapeRegExp(name)}\\b`);
  for (const [path, span] of Object.entries(node.step.valueSpans)) {
    const value = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), node.step.raw);
    if (typeof value === 'string' && pattern.test(value)) {
      const match = pattern.exec(value)!;
      const quoted = node.step.valueSpans[path] && value.length < (span.length ?? 0) ? 1 : 0;
      return { ...span, col: span.col + quoted + match.index, length: Math.max(1, value.indexOf('}}', match.index) + 2 - match.index) };
    }
  }
  for (const [path, span] of Object.entries(node.step.keySpans)) if (path.split('.').pop()?.includes(name)) return span;
  return node.step.span;
}

/** `needs` cycles (data dependencies only point backwards, so only needs can close a loop). */
export function checkNeedsCycles(nodes: GraphNode[]): Diagnostic[] {
  const state = new Array<number>(nodes.length).fill(0);
  const diagnostics: Diagnostic[] = [];
  const visit = (i: number, path: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      const cycle = [...path.slice(path.indexOf(i)), i].map((n) => nodes[n].step.id).join(' → ');
      diagnostics.push(errorDiag('needs-cycle', `steps wait for each other: ${cycle}`, nodes[i].step.keySpans.needs ?? nodes[i].step.span));
      return;
    }
    state[i] = 1;
    for (const dep of nodes[i].deps) visit(dep, [...path, i]);
    state[i] = 2;
  };
  nodes.forEach((_, i) => {
    visit(i, []);
  });
  return diagnostics;
}
