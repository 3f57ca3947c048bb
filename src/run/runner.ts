import { byDisplayPath } from '../core/order.js';
import { randomUUID } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import { Redactor } from '../core/redact.js';
import type { DocResult, RunListener, RunResult } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { ValidationProvider } from '../core/validation.js';
import type { StepGraph } from '../graph/graph.js';
import { HttpClient } from '../http/client.js';
import { DocCookieJar } from '../http/cookie-jar.js';
import { OAuth2Tokens } from '../http/oauth2.js';
import type { DocRunContext } from './context.js';
import { docIdentity, docNotExecuted } from './doc-result.js';
import { executeDoc } from './execute-doc.js';
import { docVariables } from './scope.js';
import { summarize } from '../core/run-summary.js';
import { uniqueTimestamp } from '../template/builtins.js';

export interface RunOptions {
  settings: RunSettings;
  graphs: StepGraph[];
  /** Docs reported as skipped without running (status skip, filters). */
  skipped?: DocResult[];
  /** Run-level diagnostics (invalid docs, spec warnings) carried into the result; invalid docs count from them. */
  diagnostics?: Diagnostic[];
  listener?: RunListener;
  signal?: AbortSignal;
  validation?: ValidationProvider;
  version: string;
  mock?: boolean;
  /** Stop starting docs after this many failed. */
  maxFailures?: number;
  shard?: { index: number; total: number };
  /** After an interrupt, teardown steps of started docs may still send for this long (default 5 s). */
  teardownGraceMs?: number;
  /**
   * The run's Redactor, when the caller's reporters share it: secrets found during the run (fetched
   * OAuth2 tokens, captured `secret: true` values, `redact.keys` values) are added to it as they appear.
   */
  redactor?: Redactor;
  /**
   * What `RunResult.docs` keeps once a doc's `doc:end` event has been emitted. `all` (the default,
   * for library callers): every doc in full. `failures`: failed docs in full, the others without
   * their steps' requests, responses and checks — for listeners that took what they need from `doc:end`
   * (the CLI's streaming reporters), so memory stays flat however many docs run. The runner then
   * also lets go of each doc's graph once the doc has started: its slot in `graphs` is emptied.
   */
  retain?: 'all' | 'failures';
}

export const DEFAULT_TEARDOWN_GRACE_MS = 5_000;

/**
 * Runs docs concurrently (settings.concurrency at once) and returns the results. It emits typed
 * events and never prints; reporters and the CLI decide what to show.
 */
export async function runGraphs(options: RunOptions): Promise<RunResult> {
  const { settings } = options;
  const emit: RunListener = options.listener ?? (() => {});
  const signal = options.signal ?? new AbortController().signal;
  const redactor = options.redactor ?? new Redactor([]);
  redactor.add([
    ...settings.secrets,
    ...Object.values(settings.tokens)
      .filter((t) => !t.placeholder)
      .map((t) => t.value),
  ]);
  const client = new HttpClient({ timeoutMs: settings.timeoutMs, maxBodyBytes: settings.maxBodyBytes, apis: settings.apis });
  const tokens = oauth2Tokens(settings, client, redactor);
  const grace = graceSignal(signal, options.teardownGraceMs ?? DEFAULT_TEARDOWN_GRACE_MS);
  const startedAt = new Date();
  const skipped = options.skipped ?? [];
  emit({ type: 'run:start', total: options.graphs.length + skipped.length, startedAt: startedAt.toISOString() });
  for (const doc of skipped) emit({ type: 'doc:end', doc });
  const docs: DocResult[] = options.retain === 'failures' ? skipped.map(slim) : [...skipped];
  let failures = 0;
  let next = 0;
  // Spec warnings (refs still cut, …) found while validating reach the run's diagnostics, once each.
  const specWarnings = new Map<string, Diagnostic>();
  const validation = options.validation ? memoise(options.validation, specWarnings) : undefined;
  const take = release(options.graphs, options.retain === 'failures');
  const worker = async () => {
    while (next < options.graphs.length && !signal.aborted && !(options.maxFailures && failures >= options.maxFailures)) {
      const graph = take(next++);
      const result = await runOneDoc(graph, { settings, client, redactor, emit, signal, teardownSignal: grace.signal, validation, tokens });
      if (result.status === 'failed') failures++;
      emit({ type: 'doc:end', doc: result });
      docs.push(options.retain === 'failures' ? slim(result) : result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, options.graphs.length)) }, worker));
  } finally {
    grace.dispose();
    await client.close();
  }
  // Docs never started still count: the summary says how many and why.
  const reason = signal.aborted ? 'interrupted before it started' : `not started: --max-failures ${options.maxFailures} reached`;
  for (const graph of options.graphs.slice(next)) {
    const doc = docNotExecuted(graph.doc, 'not-run', reason);
    emit({ type: 'doc:end', doc });
    docs.push(doc);
  }
  const finishedAt = new Date();
  const result: RunResult = {
    runId: randomUUID(),
    stepdocVersion: options.version,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    docs: docs.sort(byDisplayPath),
    diagnostics: [...(options.diagnostics ?? []), ...specWarnings.values()],
    summary: summarize(docs, options.diagnostics ?? []),
    interrupted: signal.aborted,
    shard: options.shard,
    environment: {
      node: process.version,
      platform: process.platform,
      mock: Boolean(options.mock),
      apis: Object.fromEntries(Object.entries(settings.apis).map(([k, v]) => [k, v.baseUrl])),
    },
  };
  emit({ type: 'run:end', result });
  return result;
}

type Shared = Pick<DocRunContext, 'settings' | 'client' | 'redactor' | 'emit' | 'signal' | 'teardownSignal' | 'validation' | 'tokens'>;

/** One token cache for the run when a profile fetches its token; every fetched token becomes a secret. */
function oauth2Tokens(settings: RunSettings, client: HttpClient, redactor: Redactor): OAuth2Tokens | undefined {
  if (!Object.values(settings.tokens).some((t) => t.oauth2)) return undefined;
  return new OAuth2Tokens({ send: (request, signal) => client.send(request, signal), retry: settings.retry, onToken: (token) => redactor.add([token]) });
}

/** A signal that aborts `graceMs` after `signal` does: how long cleanup may take once interrupted. */
function graceSignal(signal: AbortSignal, graceMs: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    timer = setTimeout(() => controller.abort(), graceMs);
    timer.unref();
  };
  if (signal.aborted) start();
  else signal.addEventListener('abort', start, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', start);
    },
  };
}

async function runOneDoc(graph: StepGraph, shared: Shared): Promise<DocResult> {
  const { doc } = graph;
  const started = new Date();
  shared.emit({ type: 'doc:start', file: doc.file, displayPath: doc.displayPath });
  const ctx: DocRunContext = {
    ...shared,
    rootDoc: doc,
    variables: docVariables(shared.settings, doc, uniqueTimestamp()),
    usedDocs: [],
    cookies: new DocCookieJar(shared.redactor.cookieValue),
  };
  const outcome = await executeDoc(graph, ctx);
  const finished = new Date();
  return {
    ...docIdentity(doc),
    ...outcome,
    usedDocs: ctx.usedDocs,
    diagnostics: doc.diagnostics.filter((d) => d.severity !== 'error'),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    interrupted: shared.signal.aborted || undefined,
  };
}

/**
 * A doc that did not fail, without what only its `doc:end` listeners needed: its steps' requests,
 * responses and checks (the bulk of a result: ~2.4 KB a doc even without bodies).
 */
function slim(doc: DocResult): DocResult {
  if (doc.status === 'failed') return doc;
  return { ...doc, steps: doc.steps.map(({ request: _request, response: _response, ...step }) => ({ ...step, checks: [] })) };
}

/**
 * The graph at `index`, its slot emptied when `drop`: a parsed doc (spans, compiled templates) is
 * ≈8 KB, so 5,000 docs held to the end of the run are ≈40 MB of live heap that a doc which has run
 * no longer needs (a doc used by another stays alive through that doc's graph).
 */
function release(graphs: StepGraph[], drop: boolean): (index: number) => StepGraph {
  if (!drop) return (index) => graphs[index];
  return (index) => {
    const graph = graphs[index];
    (graphs as Array<StepGraph | undefined>)[index] = undefined;
    return graph;
  };
}

/** One validation per doc file, shared by concurrent docs and `use:`. */
function memoise(provider: ValidationProvider, warnings: Map<string, Diagnostic>): ValidationProvider {
  const cache = new Map<string, ReturnType<ValidationProvider>>();
  return (doc) => {
    let entry = cache.get(doc.file);
    if (!entry) {
      entry = provider(doc);
      cache.set(doc.file, entry);
      void entry.then((v) => {
        for (const w of v?.warnings ?? []) if (w.code.startsWith('spec-')) warnings.set(`${w.code} ${w.message}`, w);
      });
    }
    return entry;
  };
}
