import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { generatedDoc, mutatedDocs } from './generated-docs.js';
import { fixtureExtraArgs } from './helpers.js';

/**
 * One input model, one verdict: for every lint fixture and ~200 generated docs, `lint` finds an
 * error ⇔ `run` refuses the doc (exit 2) and a local server receives no request for it. Docs are
 * batched (each doc's paths carry its own prefix, so requests are told apart) to keep this fast.
 */
const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/lint');
const ONLY_DOC = new Set(['doc.md', 'expected.txt', 'exit_code']);
/** Lint flags that are about output, not about the input: not passed to run. */
const OUTPUT_FLAGS = new Set(['--format', '--max-warnings']);

let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, { data: {} }));
  work = mkdtempSync(join(tmpdir(), 'stepdoc-differential-'));
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

interface Verdicts {
  /** Display paths lint finds an error in. */
  lintErrors: Set<string>;
  /** Display paths run refused (error diagnostics in report.json). */
  runInvalid: Set<string>;
  runExit: number | null;
}

async function verdicts(cwd: string, target: string, extra: string[] = []): Promise<Verdicts> {
  const lint = await runCli(['lint', target, '--format', 'json', ...extra], { cwd });
  const lintErrors = new Set((JSON.parse(lint.stdout) as Array<{ file: string; severity: string }>).filter((d) => d.severity === 'error').map((d) => d.file));
  const reportDir = join(cwd, '.reports');
  const run = await runCli(
    ['run', target, '--base-url', server.url, '--token', 'staff=t', '--keep-going', '--reporter', 'json', '--report-dir', reportDir, ...extra],
    { cwd },
  );
  const report = existsSync(join(reportDir, 'report.json')) ? JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) : { diagnostics: [] };
  const runInvalid = new Set(
    (report.diagnostics as Array<{ severity: string; span?: { file: string } }>).filter((d) => d.severity === 'error').map((d) => d.span?.file ?? '?'),
  );
  rmSync(reportDir, { recursive: true, force: true });
  return { lintErrors, runInvalid, runExit: run.code };
}

function requestsUnder(prefix: string): number {
  return server.requests.filter((r) => r.path.startsWith(`/${prefix}/`)).length;
}

/** The fixture's doc with every path under `/NAME/`, so its requests are told apart from the others'. */
function prefixed(text: string, name: string): string {
  return text.replace(/^(\s*(?:- )?path:\s*)(["']?)\//gm, `$1$2/${name}/`);
}

/** The fixture's extra arguments without lint's output flags (and their values): what both commands are given. */
function verdictArgs(dir: string): string[] {
  const args = fixtureExtraArgs(dir);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (OUTPUT_FLAGS.has(args[i])) i++;
    else kept.push(args[i]);
  }
  return kept;
}

describe('lint and run give one verdict', () => {
  const names = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const alone = (name: string) => readdirSync(join(FIXTURES, name)).some((f) => !ONLY_DOC.has(f));

  it('on the lint fixtures that are a single doc (one batch)', async () => {
    const batch = join(work, 'fixtures');
    for (const name of names.filter((n) => !alone(n))) {
      mkdirSync(join(batch, name), { recursive: true });
      writeFileSync(join(batch, name, 'doc.md'), prefixed(readFileSync(join(FIXTURES, name, 'doc.md'), 'utf8'), name));
    }
    const v = await verdicts(batch, '.');
    const docs = names.filter((n) => !alone(n)).map((n) => `${n}/doc.md`);
    expect(v.lintErrors.size).toBeGreaterThan(20);
    for (const doc of docs) {
      const name = doc.split('/')[0];
      expect({ doc, lintError: v.lintErrors.has(doc) }).toEqual({ doc, lintError: v.runInvalid.has(doc) });
      if (v.lintErrors.has(doc)) expect({ doc, requests: requestsUnder(name) }).toEqual({ doc, requests: 0 });
    }
    expect(v.runExit).toBe(2);
  }, 120_000);

  it('on the lint fixtures with a config, swagger files, other docs or flags (one by one)', async () => {
    for (const name of names.filter(alone)) {
      const dir = join(work, 'alone', name);
      cpSync(join(FIXTURES, name), dir, { recursive: true });
      writeFileSync(join(dir, 'doc.md'), prefixed(readFileSync(join(dir, 'doc.md'), 'utf8'), name));
      const before = server.requests.length;
      const v = await verdicts(dir, 'doc.md', verdictArgs(dir));
      const lintError = v.lintErrors.size > 0;
      const refused = v.runExit === 2 && server.requests.length === before;
      expect({ name, lintError }).toEqual({ name, lintError: refused });
    }
  }, 240_000);

  it('on ~200 generated docs: valid ones and ones with misspelt keys, wrong types, missing blocks, x- keys', async () => {
    const batch = join(work, 'generated');
    mkdirSync(batch, { recursive: true });
    const docs = fc.sample(mutatedDocs, { numRuns: 200, seed: 1405 });
    docs.forEach((doc, i) => {
      writeFileSync(join(batch, `g${i}.md`), generatedDoc(doc, `g${i}`));
    });
    const v = await verdicts(batch, '.');
    const mutations = new Set(docs.flatMap((d) => d.mutations));
    expect(mutations.size).toBeGreaterThan(6);
    expect(v.lintErrors.size).toBeGreaterThan(20);
    expect(v.lintErrors.size).toBeLessThan(docs.length);
    docs.forEach((doc, i) => {
      const file = `g${i}.md`;
      expect({ file, mutations: doc.mutations, lintError: v.lintErrors.has(file) }).toEqual({
        file,
        mutations: doc.mutations,
        lintError: v.runInvalid.has(file),
      });
      if (v.lintErrors.has(file)) expect({ file, requests: requestsUnder(`g${i}`) }).toEqual({ file, requests: 0 });
      else expect({ file, requests: requestsUnder(`g${i}`) > 0 }).toEqual({ file, requests: true });
    });
  }, 120_000);
});
