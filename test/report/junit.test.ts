import { readFile } from 'node:fs/promises';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJunitReporter, renderJunit } from '../../src/report/junit.js';
import { xmlSafe } from '../../src/report/xml.js';
import { doc, mixedRun, options, run, step, tempDir, xmlParser } from './fixtures.js';

type Node = Record<string, unknown>;
const parser = xmlParser(['testsuite', 'testcase']);

async function junit(): Promise<{ xml: string; suites: Node[]; root: Node }> {
  const dir = await tempDir();
  const [path] = await createJunitReporter(options(dir)).finish(mixedRun());
  const xml = await readFile(path, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = (parser.parse(xml) as { testsuites: Node }).testsuites;
  return { xml, suites: root.testsuite as Node[], root };
}

const suite = (suites: Node[], name: string) => suites.find((s) => s['@name'] === name) as Node;
const cases = (s: Node) => s.testcase as Node[];

describe('junit reporter', () => {
  it('one suite per doc (and per invalid doc), one case per step, totals that add up', async () => {
    const { suites, root } = await junit();
    expect(suites.map((s) => s['@name'])).toEqual([
      'scenarios/clients/create_client.md',
      'scenarios/payments/transfer.md',
      'scenarios/payments/slow.md',
      'scenarios/cards/activate.md',
      'scenarios/cards/legacy.md',
      'scenarios/broken.md',
    ]);
    expect(root['@tests']).toBe('10');
    expect(root['@failures']).toBe('2');
    expect(root['@errors']).toBe('1');
    expect(root['@skipped']).toBe('2');
    const transfer = suite(suites, 'scenarios/payments/transfer.md');
    expect(transfer).toMatchObject({ '@tests': '3', '@failures': '1', '@skipped': '0', '@file': 'scenarios/payments/transfer.md' });
    expect(cases(transfer).map((c) => c['@name'])).toEqual(['card', 'transfer — Push money to the card', 'cleanup']);
  });

  it('failures carry message, detail with expected/actual, file and the failing line', async () => {
    const { suites } = await junit();
    const failing = cases(suite(suites, 'scenarios/payments/transfer.md'))[1];
    expect(failing['@file']).toBe('scenarios/payments/transfer.md');
    expect(failing['@line']).toBe('47');
    expect(failing['@classname']).toBe('scenarios/payments/transfer.md');
    expect(failing['@time']).toBe('0.120');
    const failure = failing.failure as Node;
    expect(failure['@message']).toBe('status: expected 201, actual 404');
    expect(failure['@type']).toBe('status');
    const detail = failure['#text'] as string;
    expect(detail).toContain('failed: status — expected 201, actual 404');
    expect(detail).toContain('a]]>b <&>\\"\''); // the nasty string survives (JSON-quoted as a value)
    expect(detail).toContain('😀');
    expect(detail).toContain('warning: response schema');

    const slow = cases(suite(suites, 'scenarios/payments/slow.md'))[0];
    expect((slow.failure as Node)['@message']).toMatch(/^timeout: timeout after 5000 ms/);
    expect((slow.failure as Node)['#text']).toContain('attempts: 2');
  });

  it('skips carry their reason; a doc skipped before any step still has a case', async () => {
    const { suites } = await junit();
    const activate = cases(suite(suites, 'scenarios/cards/activate.md'));
    expect(activate[1].skipped).toEqual({ '@message': 'card program not enabled in sandbox' });
    const legacy = cases(suite(suites, 'scenarios/cards/legacy.md'));
    expect(legacy).toHaveLength(1);
    expect(legacy[0].skipped).toEqual({ '@message': 'requires test data: a frozen card' });
  });

  it('an invalid doc is a suite with an erroring case at the diagnostic line', async () => {
    const { suites } = await junit();
    const broken = cases(suite(suites, 'scenarios/broken.md'))[0];
    expect(broken['@line']).toBe('7');
    const error = broken.error as Node;
    expect(error['@type']).toBe('unknown-variable');
    expect(error['#text']).toContain('scenarios/broken.md:7:19 unknown-variable');
    expect(error['#text']).toContain('did you mean `client_id`?');
  });

  it('contains no raw control character even though the input had many', async () => {
    const { xml } = await junit();
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)).toBe(false);
    expect(xml).toContain('\\u0000');
  });

  it('is valid XML for any strings in paths, ids, messages and reasons', () => {
    const str = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(str, str, str, str, (path, id, message, reason) => {
        const result = run([
          doc(path, 'failed', [step(id, { status: 'failed', description: message, error: { code: 'http', message } })]),
          doc(path + '2', 'skipped', [], { skipReason: reason }),
        ]);
        const xml = renderJunit(result, '/repo');
        expect(XMLValidator.validate(xml)).toBe(true);
        const root = (parser.parse(xml) as { testsuites: Node }).testsuites;
        const [failed, skipped] = root.testsuite as Node[];
        expect(failed['@name']).toBe(xmlSafe(path));
        expect(cases(failed)[0]['@name']).toBe(xmlSafe(`${id} — ${message}`));
        expect((cases(skipped)[0].skipped as Node)['@message']).toBe(xmlSafe(reason));
      }),
      { numRuns: 300 },
    );
  });
});
