import type { DocResult, RunSummary } from '../core/result.js';

export function summarise(docs: DocResult[], invalid: number): RunSummary {
  const count = (status: DocResult['status']) => docs.filter((d) => d.status === status).length;
  return { total: docs.length + invalid, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), invalid };
}
