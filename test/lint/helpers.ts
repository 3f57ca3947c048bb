import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { REPO_ROOT } from '../support/cli.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a stepdoc command in-process (no build needed), colours off, in `cwd`. */
export async function runCommand(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    signal: new AbortController().signal,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The extra arguments of a lint fixture folder: its `args` file, one per line (none without one). */
export function fixtureExtraArgs(dir: string): string[] {
  const file = join(dir, 'args');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

/** The command line of a lint fixture folder: `lint doc.md` and the extra arguments of its `args` file. */
export function fixtureArgs(dir: string): string[] {
  return ['lint', 'doc.md', ...fixtureExtraArgs(dir)];
}

/** Codes named by headings of docs/diagnostics.md (`### a` or `### a, b, c`). */
export function documentedCodes(): Set<string> {
  const docs = readFileSync(resolve(REPO_ROOT, 'docs/diagnostics.md'), 'utf8');
  const codes = new Set<string>();
  for (const match of docs.matchAll(/^### (.+)$/gm)) for (const code of match[1].split(',')) codes.add(code.trim());
  return codes;
}
