import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * From this many docs a run is long: below it, its garbage stays within V8's own growth steps (peak RSS of
 * 1,000 and 2,000 docs did not move), and its run phase is too short for optimised code to pay (tier-up.ts).
 */
export const LONG_RUN_DOCS = 1_000;

let set = false;

/**
 * Called when a run starts sending (`run:start`), when everything it needs is loaded (docs, specs,
 * the mock). For a long run, V8 then grows its old generation by 20 % of what the last full GC found
 * alive instead of by up to 4× (its default with memory to spare, tuned for throughput): without it,
 * a 5,000-doc run did no full GC after its first thousand docs and its RSS followed the garbage to
 * ≈230 MB while ≈50 MB was alive. Not a cap: the heap still grows as far as a run needs. The price
 * is marking: each full GC marks what is alive, so a tighter factor marks more often (10 %: no lower
 * peak, more CPU; 30 %, V8's own memory-saving factor: a peak ≈3 MB higher). Not before `run:start`:
 * while loading, the heap only grows and a tight factor means a full GC every few MB.
 *
 * The limit is recomputed at a full GC, and the last one, while the docs were parsed, sized it for a
 * growing heap (10,000 docs: no full GC at all during the run); so one full GC here, once, starts the
 * run from what is alive (≈30–80 ms). A CLI-only choice, like `--liftoff-only` in bin/stepdoc.js: the
 * library leaves its host's flags alone.
 */
export function followLiveHeap(docs: number): void {
  if (set || docs < LONG_RUN_DOCS) return;
  set = true;
  setFlagsFromString('--heap-growing-percent=20');
  collectGarbage();
}

/** V8's `gc()`, which only a context made after `--expose-gc` is set has (skipped if a runtime has none). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  setFlagsFromString('--no-expose-gc');
  if (typeof gc === 'function') gc();
}
