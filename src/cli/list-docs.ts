import { ExitCode } from '../core/exit-codes.js';
import type { RunProjectOptions } from '../app/types.js';
import { printDiagnostics } from './diagnostics.js';
import type { CliIO } from './io.js';

/** `stepdoc run --list`: what the selection would run, one line a doc; nothing is sent. */
export async function listDocs(options: RunProjectOptions, io: CliIO): Promise<number> {
  const { listProject } = await import('../app/list.js');
  const { project, entries } = await listProject(options);
  printDiagnostics(
    io,
    project.diagnostics.filter((d) => d.severity === 'error'),
    project.sources,
  );
  for (const e of entries) {
    const tail = e.state === 'run' ? '' : ` (${e.state}${e.reason ? `: ${e.reason}` : ''})`;
    io.stdout.write(`${e.displayPath}${e.endpoint ? `  ${e.endpoint}` : ''}${tail}\n`);
    for (const used of e.uses) io.stdout.write(`  use: ${used}\n`);
  }
  const run = entries.filter((e) => e.state === 'run').length;
  io.stdout.write(
    `${run} doc${run === 1 ? '' : 's'} would run${entries.length > run ? ` (${entries.length - run} skipped or invalid)` : ''}; nothing was sent\n`,
  );
  if (project.loadErrors.length || project.invalid.length) return ExitCode.Invalid;
  if (entries.length === 0 && !options.passWithNoDocs) {
    io.stderr.write('no docs matched the selection (pass --pass-with-no-docs to allow an empty selection)\n');
    return ExitCode.Invalid;
  }
  return ExitCode.Ok;
}
