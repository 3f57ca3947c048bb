#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// undici parses HTTP with a WebAssembly build of llhttp. V8 first compiles it with its baseline
// compiler (Liftoff) and then recompiles hot functions with TurboFan in the background — and a
// process cannot exit until those background jobs finish: 100–170 ms at the end of every run here,
// longer than a one-doc run itself. Liftoff code parses a response in microseconds either way.
// Set before anything loads undici; a CLI-only choice (the library leaves its host's flags alone).
setFlagsFromString('--liftoff-only');
// 8× V8's interrupt budget: functions must run longer before V8 optimises them, so a short process does
// not spend a third of its CPU on TurboFan compiles that never pay back (src/cli/tier-up.ts, which puts
// the default back for runs of 1,000 docs or more). Set before any of stepdoc's code is compiled.
setFlagsFromString('--interrupt-budget=540672');

// The bundled CLI (scripts/bundle.mjs, built by `npm run build`): a few modules to load instead of ~90.
const { main } = await import('../dist/bundle/main.js');

// `stepdoc run … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
