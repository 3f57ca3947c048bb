import type { RunResult } from '../../src/core/result.js';
import { resolveSettings } from '../../src/config/resolve.js';
import { discoverDocs } from '../../src/doc/discover.js';
import { prepareRun } from '../../src/run/prepare.js';
import { runGraphs } from '../../src/run/runner.js';
import { specFilesOfDocs, startMockTarget } from '../../src/app/mock-target.js';

/**
 * What `stepdoc run PATHS --mock` does, in-process: the docs' swagger files (used docs included) feed one
 * mock, and every API and token points at it. Used by the tests until they can go through the CLI.
 */
export async function runWithMock(
  paths: string[],
  cwd: string,
  overrides: { swaggerRoot?: string; strictState?: boolean; vars?: Record<string, unknown>; extraSpecs?: string[] } = {},
): Promise<RunResult> {
  const { settings } = await resolveSettings({}, cwd, {});
  if (overrides.swaggerRoot) settings.swaggerRoot = overrides.swaggerRoot;
  Object.assign(settings.vars, overrides.vars ?? {});
  const found = await discoverDocs(paths, cwd);
  const prepared = await prepareRun(found, settings);
  const docs = prepared.graphs.map((g) => g.doc);
  const { files } = await specFilesOfDocs(docs, settings);
  const target = await startMockTarget([...files, ...(overrides.extraSpecs ?? [])], settings, { strictState: overrides.strictState });
  try {
    return await runGraphs({
      settings: { ...target.settings, mock: true },
      graphs: prepared.graphs,
      skipped: prepared.skipped,
      version: 'test',
      mock: true,
      diagnostics: prepared.diagnostics,
    });
  } finally {
    await target.close();
  }
}
