import type { Colors } from 'picocolors/types.js';
import { summaryParts } from './summary-parts.js';
import type { CheckResult, DocResult, RenderedRequest, RunResult, StepResult } from '../core/result.js';
import { curlCommand } from '../http/curl.js';

export const MARK = { passed: '✓', failed: '✗', skipped: '↷', 'dry-run': '○', 'not-sent': '⊘', 'not-run': '·' } as const;

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export function docLine(doc: DocResult, c: Colors): string {
  const color = doc.status === 'passed' ? c.green : doc.status === 'failed' ? c.red : c.yellow;
  const what = doc.endpoint ? c.dim(` ${doc.endpoint}`) : '';
  const reason = doc.status !== 'passed' && doc.status !== 'failed' && doc.skipReason ? c.dim(` — ${doc.skipReason}`) : '';
  return `${color(MARK[doc.status])} ${doc.displayPath}${what} ${c.dim(`(${ms(doc.durationMs)})`)}${reason}`;
}

/** The failure of one doc: each failed step with its place, expected vs actual, and the request (`--verbose`: as curl too). */
export function failureDetail(doc: DocResult, c: Colors, verbose = false): string {
  const lines = [c.red(c.bold(`✗ ${doc.displayPath}`))];
  for (const step of doc.steps.filter((s) => s.status === 'failed')) lines.push(...stepDetail(step, c, verbose));
  return lines.join('\n');
}

function stepDetail(step: StepResult, c: Colors, verbose: boolean): string[] {
  const where = `${step.span.file}:${step.span.line}`;
  const via = step.fromDoc ? c.dim(` (via use: ${step.fromDoc})`) : '';
  const lines = [`  step ${c.bold(step.id)}${step.description ? ` — ${step.description}` : ''} ${c.dim(`at ${where}`)}${via}`];
  if (step.error) lines.push(`    ${c.red('error')}: ${step.error.message}`);
  for (const check of step.checks.filter((k) => !k.passed)) lines.push(...checkDetail(check, c));
  if (step.request) lines.push(...requestDetail(step.request, c));
  if (step.request && verbose) lines.push(c.dim('    copy as curl:'), `      ${indent(curlCommand(step.request), '      ')}`);
  if (step.response) {
    lines.push(c.dim(`    response: ${step.response.status} in ${ms(step.response.durationMs)}`));
    const body = step.response.bodyText;
    if (body) lines.push(c.dim(`    ${indent(clip(body, 600), '    ')}`));
  }
  if (step.attempts.length > 1) lines.push(c.dim(`    attempts: ${step.attempts.length}`));
  return lines;
}

function checkDetail(check: CheckResult, c: Colors): string[] {
  const label = check.severity === 'warning' ? c.yellow('warning') : c.red('failed');
  const lines = [`    ${label} ${check.name}${check.message ? `: ${check.message}` : ''}`];
  if (check.expected !== undefined) lines.push(`      expected: ${c.green(show(check.expected))}`);
  if (check.actual !== undefined) lines.push(`      actual:   ${c.red(show(check.actual))}`);
  return lines;
}

function requestDetail(request: RenderedRequest, c: Colors): string[] {
  const lines = [c.dim(`    request: ${request.method} ${request.url}`)];
  for (const [k, v] of Object.entries(request.headers)) lines.push(c.dim(`      ${k}: ${v}`));
  if (request.body !== undefined) lines.push(c.dim(`      ${indent(clip(JSON.stringify(request.body, null, 2) ?? '', 800), '      ')}`));
  return lines;
}

/** `--verbose` and `--dry-run`: every step with its request and its checks, passed ones included. */
export function stepLines(doc: DocResult, c: Colors): string {
  const lines: string[] = [];
  for (const step of doc.steps) {
    const color = step.status === 'passed' ? c.green : step.status === 'failed' ? c.red : c.yellow;
    const via = step.fromDoc ? c.dim(` (via ${step.fromDoc})`) : '';
    lines.push(`  ${color(MARK[step.status])} ${step.id}${via} ${c.dim(`${ms(step.durationMs)}${step.skipReason ? ` — ${step.skipReason}` : ''}`)}`);
    if (step.request) lines.push(...requestDetail(step.request, c));
    for (const check of step.checks) {
      const mark = check.passed ? c.green('✓') : check.severity === 'warning' ? c.yellow('!') : c.red('✗');
      lines.push(c.dim(`      ${mark} ${check.name}${check.message ? ` — ${check.message}` : ''}`));
    }
  }
  return lines.join('\n');
}

export function summaryLine(result: RunResult, c: Colors): string {
  const s = result.summary;
  const tones = { good: c.green, bad: c.red, warn: c.yellow, plain: (t: string) => t };
  const parts = summaryParts(s).map((p) => tones[p.tone](p.text));
  const tail = result.interrupted ? c.yellow(' — interrupted') : '';
  return `${parts.join(', ')} ${c.dim(`(${s.total} docs, ${ms(result.durationMs)})`)}${tail}`;
}

/** Warnings that change what a run checked: shown under the summary line even without --verbose. */
const RUN_WARNINGS = new Set(['swagger-not-found', 'swagger-foreign-path', 'missing-token']);
const MAX_WARNING_LINES = 5;

/** One line per run warning (`warning[swagger-not-found]: … (get.md:4)`), the first few only. */
export function runWarningLines(result: RunResult, c: Colors): string[] {
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && RUN_WARNINGS.has(d.code));
  const lines = warnings.slice(0, MAX_WARNING_LINES).map((d) => {
    const where = d.span ? c.dim(` (${d.span.file}:${d.span.line})`) : '';
    return `${c.yellow(`warning[${d.code}]`)}: ${d.message}${where}`;
  });
  if (warnings.length > MAX_WARNING_LINES) lines.push(c.dim(`…and ${warnings.length - MAX_WARNING_LINES} more warnings (report.json has them all)`));
  return lines;
}

function show(value: unknown): string {
  return clip(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)), 300);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more)` : text;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').join(`\n${prefix}`);
}
