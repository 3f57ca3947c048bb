import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, Doc } from '../core/model.js';
import { didYouMean } from '../core/suggest.js';
import { compileRequest } from './compiled-step.js';
import type { GraphNode, StepGraph } from './graph.js';
import { checkNeedsCycles, checkVariables } from './analyse.js';

export interface GraphOptions {
  /** Names every step can read before any extraction: built-ins, env, config, config/CLI/doc vars. */
  knownVariables: ReadonlySet<string>;
  /** Finds the doc a `use:` step names (relative to the using doc), or undefined. */
  resolveUse(from: Doc, target: string): Doc | undefined;
}

export interface GraphBuild {
  graph: StepGraph;
  diagnostics: Diagnostic[];
}

/**
 * Two steps with one id in one phase, or an id `needs:` names, are ambiguous: an error. In different
 * phases (a setup step and the test step both `get_services`, as the vcita docs write) nothing is
 * ambiguous to the run, only to a reader of the report: a warning.
 */
function duplicateId(step: AnyStep, first: AnyStep, needed: Set<string>): Diagnostic {
  const span = step.keySpans.id ?? step.span;
  const message = `duplicate step id \`${step.id}\``;
  if (step.phase === first.phase || needed.has(step.id)) return errorDiag('duplicate-id', message, span, { help: 'step ids must be unique in a doc' });
  return warningDiag('duplicate-id', `${message} (also in ${first.phase})`, span, { help: 'rename one: reports tell steps apart by id' });
}

/**
 * Doc → StepGraph with static analysis before anything is sent: duplicate ids, unknown `needs`,
 * cycles, `use:` targets and cycles, variables read before any step extracts them.
 */
export function buildGraph(doc: Doc, options: GraphOptions, useStack: string[] = []): GraphBuild {
  const diagnostics: Diagnostic[] = [];
  const nodes: GraphNode[] = [];
  const extracts = new Set<string>();
  const reads: Array<Map<string, string[][]>> = [];
  const ids = new Map<string, number>();
  const needed = new Set(doc.steps.flatMap((s) => s.needs));
  for (const step of doc.steps) {
    const earlier = ids.get(step.id);
    if (earlier !== undefined) diagnostics.push(duplicateId(step, nodes[earlier].step, needed));
    ids.set(step.id, nodes.length);
    if (step.kind === 'request') {
      const outcome = compileRequest(step);
      diagnostics.push(...outcome.diagnostics);
      nodes.push({ kind: 'request', step, compiled: outcome.compiled, deps: [] });
      reads.push(outcome.reads);
      for (const name of Object.keys(step.extract)) extracts.add(name);
    } else {
      const target = resolveUseTarget(doc, step, options, useStack, diagnostics);
      nodes.push({ kind: 'use', step, target, deps: [] });
      reads.push(new Map());
      for (const name of target?.extracts ?? []) extracts.add(name);
    }
  }
  linkNeeds(nodes, ids, diagnostics);
  diagnostics.push(...checkNeedsCycles(nodes), ...checkVariables(nodes, reads, options.knownVariables));
  return { graph: { doc, nodes, extracts }, diagnostics };
}

function resolveUseTarget(
  doc: Doc,
  step: import('../core/model.js').UseStep,
  options: GraphOptions,
  stack: string[],
  diagnostics: Diagnostic[],
): StepGraph | undefined {
  const target = options.resolveUse(doc, step.use);
  const span = step.valueSpans.use ?? step.span;
  if (!target) {
    diagnostics.push(errorDiag('use-not-found', `\`use: ${step.use}\` names no doc`, span, { expected: 'a path relative to this doc or the project root' }));
    return undefined;
  }
  const chain = [...stack, doc.file];
  if (chain.includes(target.file)) {
    const cycle = [...chain.slice(chain.indexOf(target.file)), target.file].map((f) => f.split('/').pop()).join(' → ');
    diagnostics.push(errorDiag('use-cycle', `\`use:\` cycle: ${cycle}`, span));
    return undefined;
  }
  const built = buildGraph(target, options, chain);
  // The used doc's own parse errors count too: a typo there must not quietly weaken the doc that uses it.
  const errors = [...target.diagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length) {
    diagnostics.push(errorDiag('use-invalid', `used doc \`${step.use}\` is invalid: ${errors[0].message}`, span));
    return undefined;
  }
  // Only setup and test steps of a used doc run; its teardown belongs to its own runs.
  built.graph.nodes = built.graph.nodes.filter((n) => n.step.phase !== 'teardown');
  return built.graph;
}

/** Explicit `needs`, by id. Unknown ids are errors with a did-you-mean. */
function linkNeeds(nodes: GraphNode[], ids: Map<string, number>, diagnostics: Diagnostic[]): void {
  nodes.forEach((node) => {
    for (const need of node.step.needs) {
      const index = ids.get(need);
      if (index === undefined) {
        diagnostics.push(
          errorDiag('unknown-need', `\`needs\` names no step \`${need}\``, node.step.keySpans.needs ?? node.step.span, { help: didYouMean(need, ids.keys()) }),
        );
      } else node.deps.push(index);
    }
  });
}
