import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderDiagnostic } from '../core/codeframe.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Redactor } from '../core/redact.js';
import { frameStyle, useColor, type CliIO } from './io.js';

/** Prints diagnostics with code frames (sources by display path or absolute path). */
export function printDiagnostics(io: CliIO, diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>, redactor?: Pick<Redactor, 'text'>): void {
  if (diagnostics.length === 0) return;
  const byDisplay = new Map<string, string>();
  for (const [file, text] of sources) byDisplay.set(file, text);
  const style = frameStyle(useColor(io, 'stderr'));
  const text = diagnostics
    .map((d) => renderDiagnostic(d, d.span ? (sourceFor(d.span.file, byDisplay) ?? fromDisk(d.span.file, io.cwd)) : undefined, style))
    .join('\n\n');
  io.stderr.write((redactor ? redactor.text(text) : text) + '\n\n');
}

function sourceFor(file: string, sources: Map<string, string>): string | undefined {
  const direct = sources.get(file);
  if (direct !== undefined) return direct;
  for (const [path, text] of sources) if (path.endsWith('/' + file)) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return undefined;
}

/** A file the run never loaded (a config file refused before the project was): read it for its frame. */
function fromDisk(file: string, cwd: string): string | undefined {
  try {
    const text = readFileSync(resolve(cwd, file), 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
