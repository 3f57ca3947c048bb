import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { RULE_FLOWS } from './flows.js';
import { docResult, explain, runScenarios } from './run-cli.js';

/**
 * A doc that checks a rule must fail when the API stops enforcing it; otherwise it checks nothing.
 * (Each doc passing against the well-behaved sandbox is shown by all-green.test.ts.)
 */
describe('each rule-checking doc fails against a sandbox that breaks its rule', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it.each(RULE_FLOWS)(
    '$doc fails at $failingStep when $misbehave',
    async ({ doc, misbehave, failingStep }) => {
      sandbox = await startSandbox({ misbehave: { [misbehave]: true } });
      const run = await runScenarios([doc], sandbox);
      expect(run.exitCode, explain(run)).toBe(1);
      const result = docResult(run.report, doc);
      expect(result?.status, explain(run)).toBe('failed');
      const failed = result?.steps.filter((step) => step.status === 'failed').map((step) => step.id);
      expect(failed, explain(run)).toEqual([failingStep]);
      // It fails on what the doc asserts (status, body, polling), not on some incidental schema mismatch.
      const step = result?.steps.find((s) => s.id === failingStep);
      const failedKinds = step?.checks.filter((check) => !check.passed && check.severity !== 'warning').map((check) => check.kind);
      expect(
        failedKinds?.some((kind) => kind === 'status' || kind === 'body'),
        explain(run),
      ).toBe(true);
    },
    60_000,
  );
});
