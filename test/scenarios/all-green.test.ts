import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { docResult, explain, repoRoot, runScenarios, type CliRun } from './run-cli.js';

/** Every .md under scenarios/, relative to the repo root. */
function scenarioDocs(dir = join(repoRoot, 'scenarios')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return scenarioDocs(full);
    return entry.name.endsWith('.md') ? [relative(repoRoot, full)] : [];
  });
}

describe('stepdoc run scenarios against the reference sandbox', () => {
  let sandbox: Sandbox;
  let run: CliRun;

  beforeAll(async () => {
    sandbox = await startSandbox();
    run = await runScenarios(['scenarios'], sandbox);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('exits 0 with every doc passed', () => {
    expect(run.exitCode, explain(run)).toBe(0);
    const docs = scenarioDocs();
    expect(docs.length).toBeGreaterThanOrEqual(24);
    expect(run.report?.summary, explain(run)).toMatchObject({ total: docs.length, passed: docs.length, failed: 0, skipped: 0, invalid: 0 });
    for (const doc of docs) expect(docResult(run.report, doc)?.status, `${doc}\n${explain(run)}`).toBe('passed');
  });

  it('sends sync_card to the fallback base only, and the main-base doc to the main base', () => {
    const syncCalls = sandbox.state.log.filter((entry) => entry.path.endsWith('/payment/cards/sync_card'));
    const onMain = syncCalls.filter((entry) => entry.base === 'main');
    expect(onMain.map((entry) => entry.status)).toEqual([404]);
    expect(syncCalls.filter((entry) => entry.base === 'fallback').length).toBeGreaterThanOrEqual(1 + 2 + 1 + 6);
  });

  it('runs shared prerequisites through use:, including nested ones', () => {
    const card = docResult(run.report, 'scenarios/synctera/transfers/pull.md');
    expect(card?.usedDocs.map((path) => path.split('/').pop())).toEqual(
      expect.arrayContaining(['create_external_card.md', 'create_customer_account.md', 'create_customer.md']),
    );
    const sync = docResult(run.report, 'scenarios/sales/payments/sync_card.md');
    expect(sync?.usedDocs.map((path) => path.split('/').pop())).toEqual(expect.arrayContaining(['connect_stripe_gateway.md', 'create_client.md']));
  });

  it('polls the PENDING transfer more than once before it is final', () => {
    const pending = docResult(run.report, 'scenarios/synctera/transfers/pending_until_terminal.md');
    const poll = pending?.steps.find((step) => step.id === 'poll_until_final');
    expect(poll?.status).toBe('passed');
    expect(poll?.attempts.length).toBeGreaterThanOrEqual(2);
  });

  it('never prints or reports the token values', () => {
    const everything = run.stdout + run.stderr + JSON.stringify(run.report);
    expect(everything).not.toContain('sandbox-staff-token');
    expect(everything).not.toContain('sandbox-synctera-key');
  });
});
