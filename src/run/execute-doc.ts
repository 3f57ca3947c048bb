import type { Doc } from '../core/model.js';
import type { DocResult, StepResult } from '../core/result.js';
import type { DocValidation } from '../core/validation.js';
import type { GraphNode, StepGraph, UseNode } from '../graph/graph.js';
import type { DocRunContext, StepOwner } from './context.js';
import { executeRequestStep } from './execute-step.js';
import { skippedStep } from './skipped-step.js';

/** How the doc stands after a failed step, from the step's `onFail`. */
interface Halt {
  status: 'failed' | 'skipped' | 'not-sent';
  reason?: string;
}

/**
 * Runs a doc's graph: setup and test steps in order (or by dependencies with `parallel: true`);
 * a failure halts them per `onFail`; teardown steps always run.
 */
export async function executeDoc(graph: StepGraph, ctx: DocRunContext): Promise<Pick<DocResult, 'status' | 'skipReason' | 'steps'>> {
  const owner: StepOwner = { doc: graph.doc, validation: await validationFor(graph.doc, ctx) };
  // Results per node, flattened in graph order at the end (parallel steps finish in any order).
  const perNode = new Map<GraphNode, StepResult[]>(graph.nodes.map((n) => [n, []]));
  const state: { halt?: Halt; failed: boolean } = { failed: false };
  const main = graph.nodes.filter((n) => n.step.phase !== 'teardown');
  const teardown = graph.nodes.filter((n) => n.step.phase === 'teardown');
  // Teardown runs even after an interrupt, on a signal that allows it a grace period.
  const teardownCtx: DocRunContext = { ...ctx, signal: ctx.teardownSignal ?? ctx.signal };
  const runOne = async (node: GraphNode, always: boolean) => {
    const stepCtx = always ? teardownCtx : ctx;
    if (stepCtx.signal.aborted || (!always && state.halt)) {
      record(
        perNode.get(node)!,
        ctx,
        skippedStep(
          node.step,
          owner,
          stepCtx.signal.aborted ? 'interrupted' : `skipped: ${state.halt?.status === 'skipped' ? state.halt.reason : 'an earlier step failed'}`,
        ),
      );
      return;
    }
    const { results, failedStep, refused } = await executeNode(node, owner, stepCtx);
    for (const r of results) record(perNode.get(node)!, ctx, r);
    // A refused DELETE skips the rest of the doc (it cannot be tested here), but a refused cleanup step changes nothing.
    if (refused && !always) state.halt ??= { status: 'not-sent', reason: refused };
    if (!failedStep) return;
    const onFail = node.kind === 'request' ? node.step.onFail : 'abort';
    if (onFail === 'continue') return;
    if (onFail === 'skip' && !always) {
      state.halt ??= {
        status: 'skipped',
        reason: (node.kind === 'request' ? node.step.skipReason : undefined) ?? graph.doc.frontmatter.skipReason ?? `step \`${node.step.id}\` failed`,
      };
      return;
    }
    state.failed = true;
    if (!always) state.halt ??= { status: 'failed' };
  };
  if (graph.doc.frontmatter.parallel) await runParallel(main, runOne);
  else for (const node of main) await runOne(node, false);
  for (const node of teardown) await runOne(node, true);
  const steps = graph.nodes.flatMap((n) => perNode.get(n)!);
  const status = docStatus(state, steps, ctx.settings.dryRun);
  const reason = status === 'skipped' || status === 'not-sent' ? (state.halt?.reason ?? NOTHING_SENT) : undefined;
  return { status, skipReason: reason, steps };
}

const NOTHING_SENT = 'no request was sent and checked';

/** `passed` only when a request was sent and checked; a dry run or a guard that held everything back says so. */
function docStatus(state: { halt?: Halt; failed: boolean }, steps: StepResult[], dryRun: boolean): DocResult['status'] {
  if (state.failed) return 'failed';
  if (state.halt && state.halt.status !== 'failed') return state.halt.status;
  if (dryRun) return 'dry-run';
  return steps.some((s) => s.status === 'passed' && s.response) ? 'passed' : 'not-sent';
}

function record(steps: StepResult[], ctx: DocRunContext, step: StepResult): void {
  steps.push(step);
  ctx.emit({ type: 'step:end', file: ctx.rootDoc.file, step });
}

interface NodeOutcome {
  results: StepResult[];
  failedStep: boolean;
  /** Why a step was not sent (a DELETE against a live API). */
  refused?: string;
}

async function executeNode(node: GraphNode, owner: StepOwner, ctx: DocRunContext): Promise<NodeOutcome> {
  if (node.kind === 'request') return requestOutcome(await executeRequestStep(node, owner, ctx));
  return executeUse(node, ctx);
}

function requestOutcome(result: StepResult): NodeOutcome {
  const refused = result.status === 'not-sent' ? result.skipReason : undefined;
  return { results: [result], failedStep: result.status === 'failed', refused };
}

/** A used doc's setup and test steps, in its own context (tokens, api, expectedOutcome, swagger). */
async function executeUse(node: UseNode, ctx: DocRunContext): Promise<NodeOutcome> {
  const target = node.target;
  if (!target) return { results: [], failedStep: true };
  ctx.usedDocs.push(target.doc.displayPath);
  const owner: StepOwner = { doc: target.doc, fromDoc: target.doc.displayPath, validation: await validationFor(target.doc, ctx) };
  const results: StepResult[] = [];
  for (const inner of target.nodes) {
    if (ctx.signal.aborted) break;
    const outcome = inner.kind === 'request' ? requestOutcome(await executeRequestStep(inner, owner, ctx)) : await executeUse(inner, ctx);
    results.push(...outcome.results);
    if (outcome.refused) return { results, failedStep: false, refused: outcome.refused };
    if (outcome.failedStep && !(inner.kind === 'request' && inner.step.onFail === 'continue')) return { results, failedStep: true };
  }
  return { results, failedStep: false };
}

/** `parallel: true`: each step waits for its dependencies and for the previous phase, no more. */
async function runParallel(nodes: GraphNode[], runOne: (node: GraphNode, always: boolean) => Promise<void>): Promise<void> {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const promises: Array<Promise<void>> = [];
  nodes.forEach((node, i) => {
    const waits = node.deps.filter((d) => d < promises.length).map((d) => promises[d]);
    const barrier =
      node.step.phase === 'test'
        ? nodes
            .slice(0, i)
            .filter((n) => n.step.phase === 'setup')
            .map((n) => promises[index.get(n)!])
        : [];
    promises.push(Promise.all([...waits, ...barrier]).then(() => runOne(node, false)));
  });
  await Promise.all(promises);
}

async function validationFor(doc: Doc, ctx: DocRunContext): Promise<DocValidation | undefined> {
  if (!ctx.validation || !doc.frontmatter.swagger || ctx.settings.schemaMode === 'off' || ctx.settings.dryRun) return undefined;
  return ctx.validation(doc);
}
