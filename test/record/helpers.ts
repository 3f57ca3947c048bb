import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocResult, RunResult } from '../../src/core/result.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const seedPath = path.resolve(repoRoot, '../shared/seeds/000_56ed757150ad35be.txt');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/vcita/workflows');

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stepdoc-record-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A doc result as the runner reports it; only what recording reads matters. */
export function docResult(rootDir: string, displayPath: string, status: DocResult['status'], finishedAt: string, usedDocs: string[] = []): DocResult {
  return {
    file: path.resolve(rootDir, displayPath),
    displayPath,
    tags: [],
    status,
    steps: [],
    usedDocs,
    diagnostics: [],
    startedAt: finishedAt,
    finishedAt,
    durationMs: 0,
  };
}

export function runResult(runId: string, docs: DocResult[], finishedAt = docs.at(-1)?.finishedAt ?? '2026-03-01T00:00:00.000Z'): RunResult {
  return {
    runId,
    stepdocVersion: '0.1.0',
    startedAt: finishedAt,
    finishedAt,
    durationMs: 0,
    docs,
    diagnostics: [],
    summary: { total: docs.length, passed: 0, failed: 0, skipped: 0, invalid: 0, dryRun: 0, notSent: 0, notRun: 0, stepsNotSent: {} },
    interrupted: false,
    environment: { node: process.version, platform: process.platform, mock: false, apis: {} },
  };
}

/** A minimal doc with the given frontmatter lines and a body that must survive every write. */
export function docText(frontmatter: string[], eol = '\n'): string {
  return ['---', ...frontmatter, '---', '', '# Title', '', '```yaml', 'steps:', '  - id: a', '    method: GET', '    path: /x', '```', ''].join(eol);
}
