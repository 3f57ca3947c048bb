import { Redactor } from '../core/redact.js';
import type { DocResult, RunEvent, StepResult } from '../core/result.js';
import { viewDoc } from '../report/html/embed.js';
import { truncateDoc } from '../report/truncate.js';
import type { RecordSummary } from '../record/summary.js';
import { affectedDocs } from './affected.js';
import type { SseHub } from './sse.js';
import type { DocEntry, EngineRun, UiEngine } from './types.js';
import type { Watcher } from './watch.js';

/** Response bodies longer than this are cut in what the page receives (as in the file reports). */
const MAX_BODY_CHARS = 16_384;

export class RunBusyError extends Error {}
export class UnknownDocError extends Error {}

/**
 * The dashboard's state: the docs as on disk, the last result of each since the UI started, the
 * run in progress. Everything it hands to the page passes the redactor first.
 */
export class UiSession {
  private entries: DocEntry[] = [];
  private readonly results = new Map<string, DocResult>();
  private lastRun?: EngineRun;
  private active?: { id: number; controller: AbortController; done: Promise<void> };
  private runs = 0;
  private readonly queued = new Set<string>();
  private readonly redactor: Redactor;
  watcher?: Watcher;

  constructor(
    private readonly engine: UiEngine,
    private readonly hub: SseHub,
  ) {
    this.redactor = new Redactor(engine.secrets);
  }

  async refresh(): Promise<void> {
    this.entries = await this.engine.list();
    this.watcher?.update([...this.engine.watchRoots(), ...this.entries.flatMap((e) => (e.spec ? [e.file, e.spec] : [e.file]))]);
    this.hub.send('docs', this.docsView());
  }

  /** Everything the page shows at load; later it follows the events. */
  state() {
    return {
      mock: this.engine.mock,
      docs: this.docsView(),
      results: [...this.results.values()],
      running: this.active ? { id: this.active.id } : undefined,
      lastRun: this.lastRun ? this.runView(this.lastRun) : undefined,
    };
  }

  async source(file: string): Promise<string | undefined> {
    const text = await this.engine.source(file);
    return text === undefined ? undefined : this.redactor.text(text);
  }

  /** Starts a run of these docs (known docs only); the page follows it over SSE. */
  startRun(files: string[]): number {
    if (this.active) throw new RunBusyError('a run is in progress; stop it or wait for it');
    const known = new Set(this.entries.map((e) => e.file));
    const unknown = files.find((f) => !known.has(f));
    if (unknown !== undefined || files.length === 0) throw new UnknownDocError(files.length ? `not a doc of this project: ${unknown}` : 'no docs given');
    const id = ++this.runs;
    const controller = new AbortController();
    this.hub.send('run:start', { id, files });
    const done = this.engine
      .run(files, { signal: controller.signal, onEvent: (e) => this.forward(id, e) })
      .then(
        (run) => {
          this.lastRun = run;
          this.hub.send('run:end', { id, ...this.runView(run) });
        },
        (error: unknown) => this.hub.send('run:end', { id, error: this.redactor.text(error instanceof Error ? error.message : String(error)) }),
      )
      .finally(() => {
        if (this.active?.id === id) this.active = undefined;
        this.startQueued();
      });
    this.active = { id, controller, done };
    return id;
  }

  stop(): boolean {
    this.active?.controller.abort();
    return Boolean(this.active);
  }

  /** Waits for the run in progress (on shutdown, after stop). */
  async settled(): Promise<void> {
    await this.active?.done;
  }

  /** Writes the last run's results into its docs (explicit click only), then re-reads the docs. */
  async record(): Promise<RecordSummary> {
    if (this.active) throw new RunBusyError('wait for the run to finish before recording it');
    if (!this.lastRun) throw new UnknownDocError('nothing to record: run some docs first');
    // As `run --record --mock`: the mock checks docs against their specs, not the API; `verified` would say otherwise.
    if (this.engine.mock) throw new UnknownDocError('nothing to record: runs against the embedded mock verify the docs against their specs, not the API');
    const run = this.lastRun;
    const summary = await this.engine.record(
      run,
      run.result.docs.map((d) => d.file),
    );
    this.watcher?.acknowledge(summary.docs.map((d) => d.file));
    this.lastRun = undefined;
    await this.refresh();
    const view = this.redactor.value(summary);
    this.hub.send('record', view);
    return view;
  }

  /**
   * Something changed on disk: re-read the docs, re-run what was run and is affected by `files`
   * (empty when only recorded metadata changed: the list shows it, nothing runs).
   */
  async changed(files: string[]): Promise<void> {
    this.engine.invalidate(files);
    try {
      await this.refresh();
    } catch (error) {
      // E.g. the docs folder was removed: say so on the page, keep serving, try again at the next change.
      this.hub.send('problem', { message: this.redactor.text(error instanceof Error ? error.message : String(error)) });
      return;
    }
    if (files.length === 0) return;
    const rerun = affectedDocs(new Set(files), this.entries, new Set(this.results.keys()));
    this.hub.send('changed', { files: files.map((f) => this.redactor.text(f)), rerun });
    for (const file of rerun) this.queued.add(file);
    this.startQueued();
  }

  /** Re-runs asked for by changes while a run went start when it ends. */
  private startQueued(): void {
    if (this.active || this.queued.size === 0) return;
    const known = new Set(this.entries.map((e) => e.file));
    const files = [...this.queued].filter((f) => known.has(f));
    this.queued.clear();
    if (files.length > 0) this.startRun(files);
  }

  private forward(id: number, event: RunEvent): void {
    if (event.type === 'doc:start') this.hub.send('doc:start', { id, file: event.file });
    else if (event.type === 'step:end') this.hub.send('step', { id, file: event.file, step: this.stepView(event.step) });
    else if (event.type === 'doc:end') {
      const doc = this.docView(event.doc);
      this.results.set(doc.file, doc);
      this.hub.send('doc:end', { id, doc });
    }
  }

  private docsView(): DocEntry[] {
    return this.redactor.value(this.entries);
  }

  private docView(doc: DocResult): DocResult {
    const sources = new Map<string, string>();
    return viewDoc(truncateDoc(this.redactor.value(doc), MAX_BODY_CHARS), sources, this.engine.rootDir);
  }

  private stepView(step: StepResult): Pick<StepResult, 'id' | 'phase' | 'status'> {
    return { id: step.id, phase: step.phase, status: step.status };
  }

  private runView(run: EngineRun) {
    return { runId: run.result.runId, summary: run.result.summary, interrupted: run.result.interrupted, files: run.result.docs.map((d) => d.file) };
  }
}
