import { setFlagsFromString } from 'node:v8';
import { LONG_RUN_DOCS } from './heap-growth.js';

/** V8 11's own budget (Node 20): bytecode a function runs between two checks of whether to optimise it. */
const DEFAULT_INTERRUPT_BUDGET = 67_584;

let set = false;

/**
 * bin/stepdoc.js starts every CLI process with 8× V8's interrupt budget: a process of a few hundred
 * docs lasts about a second, and with the default budget V8 sends hundreds of lukewarm functions to
 * TurboFan, whose background compiles cost ≈ 0.35 s of CPU in a 250-doc run and compete with the API
 * for the cores (W2: −24 % instructions, −15 % wall time; docs/performance.md). A run of 1,000 docs or
 * more goes back to the default at `run:start`, after its docs are prepared: over 2,000 docs that is
 * 4 % fewer instructions than the default throughout, and 8 % fewer than 8× throughout. A CLI-only
 * choice: the library leaves its host's flags alone.
 */
export function tierUpForRun(docs: number): void {
  if (set || docs < LONG_RUN_DOCS) return;
  set = true;
  setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
}
