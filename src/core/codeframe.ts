import type { Diagnostic } from './diagnostic.js';
import { LineIndex } from './span.js';

export interface FrameStyle {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: FrameStyle = { red: (s) => s, yellow: (s) => s, blue: (s) => s, bold: (s) => s, dim: (s) => s };

/**
 * Renders a diagnostic the way Hurl and rustc do:
 *
 *   error[unknown-variable]: unknown variable `clientid`
 *     --> scenarios/sales/sync_card.md:74:19
 *      |
 *   74 |       client_id: "{{clientid}}"
 *      |                   ^^^^^^^^^^^^ expected a variable set by an earlier step
 *      |
 *      = help: did you mean `client_id`?
 */
export function renderDiagnostic(diag: Diagnostic, source?: string, style: FrameStyle = plain): string {
  const color = diag.severity === 'error' ? style.red : style.yellow;
  const out = [style.bold(color(`${diag.severity}[${diag.code}]`) + `: ${diag.message}`)];
  const span = diag.span;
  if (span) {
    const width = String(span.line).length;
    const pad = ' '.repeat(width);
    out.push(`${pad}${style.blue('-->')} ${span.file}:${span.line}:${span.col}`);
    if (source !== undefined) {
      const text = new LineIndex(source).lineText(span.line).replace(/\t/g, ' ');
      const caretCount = Math.max(1, Math.min(span.length ?? 1, Math.max(1, text.length - span.col + 1)));
      const caret = ' '.repeat(Math.max(0, span.col - 1)) + '^'.repeat(caretCount);
      out.push(`${pad} ${style.blue('|')}`);
      out.push(`${style.blue(String(span.line))} ${style.blue('|')} ${text}`);
      out.push(`${pad} ${style.blue('|')} ${color(caret)}${diag.expected ? ' ' + color(`expected ${diag.expected}`) : ''}`);
    } else if (diag.expected) {
      out.push(`${pad} = expected ${diag.expected}`);
    }
    if (diag.help) out.push(`${pad} ${style.blue('=')} help: ${diag.help}`);
  } else {
    if (diag.expected) out.push(`  = expected ${diag.expected}`);
    if (diag.help) out.push(`  = help: ${diag.help}`);
  }
  return out.join('\n');
}
