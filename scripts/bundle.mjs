// Bundles the CLI (tsc's output under dist/) into dist/bundle/: a few ES modules instead of ~90, which
// saves ≈30 ms of module loading on every start-up (docs/performance.md, "Round 3: start-up").
// Runs after tsc in `npm run build` / `prepare`. The library entry (dist/index.js) stays tsc's output.
//
// - Packages stay external: they load from node_modules as before (undici by its deep paths, pinned).
// - Splitting keeps the lazy parts lazy: each dynamic import() (ajv, the mock, reporters, the UI…) is
//   its own chunk, loaded only when used.
// - Flat output two levels below the package root, like dist/<layer>/<file>.js: the code that finds
//   package.json, schema/ and templates/ relative to import.meta.url finds them from here too.
// - The lint worker is an entry of its own, so `new URL('./worker.js', import.meta.url)` finds it.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js', 'dist/lint/worker.js'],
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
