/**
 * The identity of one run (or one shard of a run) in the record ledger: `runId`, plus `#I/N` for a
 * shard. A merged report keeps, per doc, the key of the run that executed it (`DocResult.origin`), so
 * applying shard reports and their merged report in any mix counts each execution once.
 */
export function runKey(result: { runId: string; shard?: { index: number; total: number } }): string {
  return result.shard ? `${result.runId}#${result.shard.index}/${result.shard.total}` : result.runId;
}
