import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

/**
 * The action of action.yml, run as GitHub would run its `run:` steps: bash, each step's `env:` with
 * `${{ inputs.* }}`, `${{ github.action_path }}` and `${{ steps.<id>.outputs.* }}` filled in, step
 * outputs read back from GITHUB_OUTPUT, the summary written to GITHUB_STEP_SUMMARY. `uses:` steps
 * (setup-node) are the runner's business and are skipped. stepdoc comes from this checkout (input
 * `stepdoc`), so nothing is installed and nothing leaves 127.0.0.1.
 */
interface ActionStep {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

async function runAction(cwd: string, given: Record<string, string>): Promise<ActionRun> {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const temp = mkdtempSync(join(tmpdir(), 'stepdoc-action-env-'));
  const summaryFile = join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) return inputs[input[1]] ?? '';
      if (expr === 'github.action_path') return REPO_ROOT;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (output) return stepOutputs[output[1]]?.[output[2]] ?? '';
      throw new Error(`expression not emulated: ${expr}`);
    });
  let stdout = '';
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const outputFile = join(temp, `output-${step.id}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: cwd,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])),
    };
    // Asynchronous: the local API server of a test lives in this process and must keep answering.
    const result = await bash(expand(step.run), cwd, env);
    stdout += result.output;
    stepOutputs[step.id ?? ''] = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    if (result.status !== 0) return { code: result.status ?? -1, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs: stepOutputs.run ?? {} };
  }
  return { code: 0, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs: stepOutputs.run ?? {} };
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

let server: TestServer;
let root: string;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 500, { error: 'boom' }));
  root = mkdtempSync(join(tmpdir(), 'stepdoc-action-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function project(name: string): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
  return dir;
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'args', 'shard', 'reporters', 'node-version']));
    expect(action.runs.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(false);
  });

  it('runs the docs, passes, writes the JSON report and the step summary', async () => {
    const dir = await project('passing');
    const run = await runAction(dir, { args: '--mock', reporters: 'console,json', stepdoc: REPO_ROOT });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.stdout).toContain('2 passed, 0 failed');
    expect(run.summary).toContain('stepdoc');
    expect(JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8')).summary).toMatchObject({ total: 2, passed: 2 });
  });

  it('fails the step on a failed doc, with an annotation on its line and the failure in the summary', async () => {
    const dir = await project('failing');
    const run = await runAction(dir, {
      paths: 'scenarios/widgets/create_widget.md',
      args: `--base-url ${server.url} --token staff=t0ken-value-x`,
      reporters: 'console',
      stepdoc: REPO_ROOT,
    });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toMatch(/::error file=scenarios\/widgets\/create_widget\.md,line=\d+,title=stepdoc/);
    expect(run.summary).toContain('create_widget');
    expect(run.stdout + run.summary).not.toContain('t0ken-value-x');
  });

  it('runs one shard of the docs', async () => {
    const dir = await project('shard');
    const run = await runAction(dir, { args: '--mock', reporters: 'json', shard: '2/2', stepdoc: REPO_ROOT });
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'));
    expect(report.shard).toEqual({ index: 2, total: 2 });
    expect(report.summary.total).toBe(1);
  });

  it('exits 2 on a usage error before anything is sent', async () => {
    const dir = await project('usage');
    const before = server.requests.length;
    const run = await runAction(dir, { args: `--mokc --base-url ${server.url}`, stepdoc: REPO_ROOT });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('--mock');
    expect(server.requests.length).toBe(before);
  });
});

describe('docs/ci/action-matrix.yml', () => {
  it('uses the action in a 4-way matrix and merges the shard reports', () => {
    type Job = { strategy?: { matrix: { shard: number[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> };
    const workflow = parse(readFileSync(join(REPO_ROOT, 'docs/ci/action-matrix.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const step = workflow.jobs.scenarios.steps.find((s) => s.uses?.endsWith('/stepdoc@v1'));
    expect(Object.keys(step?.with ?? {}).filter((k) => !(k in action.inputs))).toEqual([]);
    expect(step?.with?.shard).toBe('${{ matrix.shard }}/4');
    expect(workflow.jobs.scenarios.strategy?.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(workflow.jobs.report.steps.some((s) => s.run?.includes('stepdoc merge-reports shards/*/report.json'))).toBe(true);
  });
});
