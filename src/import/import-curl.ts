import { type Diagnostic, errorDiag } from '../core/diagnostic.js';
import { DiagnosticsError } from '../core/errors.js';
import { LineIndex, spanAt } from '../core/span.js';
import { type CurlCommand, splitCommands } from './commands.js';
import { docText } from './doc-text.js';
import { isProblem, readOptions } from './options.js';
import { Placeholders } from './placeholders.js';
import type { Bases } from './request-parts.js';
import { type ImportedStep, type StepContext, toStep } from './to-step.js';

export interface CurlImport {
  /** The doc, ready to write. */
  text: string;
  steps: ImportedStep[];
  /** What the import decided or repaired, one line each (`line 12: removed a trailing comma …`). */
  notes: string[];
  /** Variables the doc uses, to give with --var or `vars:`. */
  variables: string[];
  /** Token profiles the steps use (never `none`). */
  tokens: string[];
}

/**
 * curl commands as written in API guides → one doc with one step per command. Throws a
 * DiagnosticsError (exit 2) when a command cannot be imported faithfully: an unknown option, a body
 * read from a file, JSON beyond the repairs guides need.
 */
export function importCurl(source: string, file: string, now = new Date()): CurlImport {
  const index = new LineIndex(source);
  const commands = splitCommands(source);
  if (commands.length === 0) {
    throw new DiagnosticsError([errorDiag('import-no-curl', 'no curl command found', { file, line: 1, col: 1 }, { expected: 'lines starting with `curl`' })]);
  }
  const placeholders = new Placeholders();
  const bases: Bases = {};
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const steps: ImportedStep[] = [];
  for (const command of commands) {
    const ctx = contextFor(command, { source, file, index, placeholders, bases, notes, diagnostics });
    if (command.ignored.length) notes.push(`line ${ctx.lineOf('', 0)}: ignored \`${command.ignored.join(' ')}\` after the curl command`);
    const req = readOptions(command.words.slice(1));
    if (isProblem(req)) {
      diagnostics.push(errorDiag('import-curl-option', req.message, ctx.spanOf(req.word, 0), { help: req.help }));
      continue;
    }
    if (req.url === undefined) {
      diagnostics.push(errorDiag('import-curl-url', 'a curl command without a URL', ctx.spanOf('curl', 0), { expected: 'a URL or --url URL' }));
      continue;
    }
    const step = toStep(req, ctx);
    if (step) steps.push(step);
  }
  if (diagnostics.length) throw new DiagnosticsError(diagnostics);
  uniqueIds(steps);
  const tokens = [...new Set(steps.map((s) => String(s.step.token)).filter((t) => t !== 'none'))];
  const variables = [...placeholders.names].sort();
  return { text: docText(steps, { source: file, variables, tokens, now }), steps, notes: [...new Set(notes)], variables, tokens };
}

interface Shared {
  source: string;
  file: string;
  index: LineIndex;
  placeholders: Placeholders;
  bases: Bases;
  notes: string[];
  diagnostics: Diagnostic[];
}

/** Words carry no positions (shell-quote gives none): a word is found again in the command's text. */
function contextFor(command: CurlCommand, shared: Shared): StepContext {
  const locate = (word: string, offsetInWord: number): number => {
    const at = word ? shared.source.indexOf(word, command.offset) : -1;
    return at < 0 ? command.offset + shared.source.slice(command.offset).search(/\S/) : at + offsetInWord;
  };
  return {
    placeholders: shared.placeholders,
    bases: shared.bases,
    notes: shared.notes,
    diagnostics: shared.diagnostics,
    spanOf: (word, offsetInWord) => spanAt(shared.file, shared.index, locate(word, offsetInWord), 1),
    lineOf: (word, offsetInWord) => shared.index.position(locate(word, offsetInWord)).line,
  };
}

function uniqueIds(steps: ImportedStep[]): void {
  const seen = new Map<string, number>();
  for (const { step } of steps) {
    const id = String(step.id);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) step.id = `${id}_${n}`;
  }
}
