import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * The parts of undici a run uses — the Agent (connection pools; stepdoc's own handler reads
 * the answers, src/http/exchange.ts) — loaded without the package's index,
 * which also loads fetch, WebSocket, cookies, caches and mocks: ≈100 ms of every start-up on a
 * small machine, for nothing stepdoc calls. Same files as `import 'undici'` would load, so errors,
 * classes and behaviour are undici's own; types are the package's. A path inside the package is
 * not its public API: package.json pins undici's exact version, so an upgrade is a deliberate
 * change that re-runs the tests against the new files.
 */
const load = createRequire(import.meta.url);

export const Agent = load('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
export type Agent = Undici.Agent;

/**
 * undici's FormData, for multipart steps only: from its own file (and the body extractor its
 * dispatcher loads for it anyway), ≈30 ms, rather than the package index, ≈100 ms.
 */
export function undiciFormData(): typeof Undici.FormData {
  return (load('undici/lib/web/fetch/formdata.js') as { FormData: typeof Undici.FormData }).FormData;
}
