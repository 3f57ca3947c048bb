import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/doc/parse.js';
import { scanMarkdown } from '../../src/doc/markdown.js';
import type { Step } from '../../src/core/model.js';
import { SHARED } from '../support/cli.js';

const SEED = readFileSync(join(SHARED, 'seeds/000_56ed757150ad35be.txt'), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
  });
}

describe('parseDoc on the seed', () => {
  const doc = parseDoc(SEED, '/abs/seed.md', 'seed.md');

  it('reads the frontmatter', () => {
    expect(doc.frontmatter.endpoint).toMatchObject({ method: 'POST', path: '/platform/v1/payment/cards/sync_card' });
    expect(doc.frontmatter.tags).toEqual(['payments', 'cards', 'stripe', 'sync']);
    expect(doc.frontmatter.status).toBe('verified');
    expect(doc.frontmatter.timesReused).toBe(0);
    expect(doc.title).toBe('Create Sync Card');
    expect(doc.diagnostics).toEqual([]);
  });

  it('orders setup before test, with spans at each step', () => {
    expect(doc.steps.map((s) => `${s.phase}:${s.id}@${s.span.line}`)).toEqual([
      'setup:set_stripe_credentials@24',
      'setup:set_gateway_type@37',
      'setup:create_fresh_client@51',
      'test:post_sync_card@71',
    ]);
    const client = doc.steps[2] as Step;
    expect(client.extract).toEqual({ client_id: { from: 'body', path: '$.data.client.id' } });
    expect(client.expect.status).toEqual([200, 201]);
    expect((doc.steps[3] as Step).valueSpans['body.details.last_4']).toMatchObject({ line: 81, col: 17 });
  });

  it('reads CRLF and a BOM the same way, with the same lines', () => {
    const crlf = parseDoc('\ufeff' + SEED.replace(/\n/g, '\r\n'), 'x.md');
    expect(crlf.steps.map((s) => [s.id, s.span.line, s.span.col])).toEqual(doc.steps.map((s) => [s.id, s.span.line, s.span.col]));
    expect((crlf.steps[3] as Step).valueSpans['body.details.last_4']).toMatchObject({ line: 81, col: 17 });
    expect(crlf.frontmatter.endpoint?.path).toBe('/platform/v1/payment/cards/sync_card');
  });
});

describe('CommonMark fences', () => {
  const text = (fence: string) => `---\nendpoint: "GET /a"\n---\n## Test Request\n${fence}`;

  it('accepts ~~~ fences, up to three spaces of indent, and longer closing fences', () => {
    const doc = parseDoc(text('   ~~~~yaml\n   steps:\n     - id: a\n       path: /a\n   ~~~~~\n'), 'x.md');
    expect(doc.steps.map((s) => s.id)).toEqual(['a']);
    expect(doc.steps[0].span).toMatchObject({ line: 7, col: 8 });
  });

  it('does not close a ``` fence with a shorter one or with ~~~', () => {
    const blocks = scanMarkdown('````yaml\nsteps: []\n```\n~~~~\n````\n# after\n');
    expect(blocks.map((b) => b.kind)).toEqual(['fence', 'heading']);
  });

  it('ignores json, ruby and yaml blocks without steps (and says the doc has none)', () => {
    const doc = parseDoc(text('```json\n{"steps": []}\n```\n```yaml\nfoo: 1\n```\n'), 'x.md');
    expect(doc.steps).toEqual([]);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['no-steps']);
  });

  it('takes the phase from the innermost heading that names one', () => {
    const doc = parseDoc(
      '---\nendpoint: "GET /a"\n---\n## Prerequisites\n### Step 1\n```yaml\nsteps:\n  - id: s\n    path: /s\n```\n## Cleanup\n```yaml\nsteps:\n  - id: c\n    path: /c\n```\n## Test Request\n```yaml\nsteps:\n  - id: t\n    path: /t\n```\n',
      'x.md',
    );
    expect(doc.steps.map((s) => `${s.phase}:${s.id}`)).toEqual(['setup:s', 'test:t', 'teardown:c']);
  });

  it('reports an unclosed step block and broken YAML with their lines', () => {
    const doc = parseDoc(text('```yaml\nsteps:\n  - id: a\n    path: [unclosed\n'), 'x.md');
    const codes = doc.diagnostics.map((d) => `${d.code}@${d.span?.line}`);
    expect(codes).toContain('unclosed-fence@5');
    expect(codes.some((c) => c.startsWith('yaml-syntax@'))).toBe(true);
  });
});

describe('frontmatter and step diagnostics', () => {
  it('maps the real status spellings and warns on unknown ones', () => {
    const status = (s: string) => parseDoc(`---\nstatus: ${s}\n---\n`, 'x.md').frontmatter.status;
    expect([status('success'), status('pass'), status('skip'), status('deprecated'), status('pending')]).toEqual([
      'verified',
      'verified',
      'skipped',
      'deprecated',
      'pending',
    ]);
    expect(parseDoc('---\nstatus: wobbly\n---\n', 'x.md').diagnostics[0].code).toBe('unknown-status');
  });

  it('keeps unknown frontmatter keys', () => {
    expect(parseDoc('---\nowner: team-a\n---\n', 'x.md').frontmatter.raw.owner).toBe('team-a');
  });

  it('rejects an endpoint without a method and an unterminated frontmatter', () => {
    expect(parseDoc('---\nendpoint: "/a"\n---\n', 'x.md').diagnostics[0].code).toBe('endpoint-format');
    expect(parseDoc('---\nendpoint: "GET /a"\n', 'x.md').diagnostics[0].code).toBe('frontmatter-unterminated');
  });

  it('reads the corpus spellings of step keys', () => {
    const doc = parseDoc(
      '---\nendpoint: "POST /a"\n---\n```yaml\nsteps:\n  - id: a\n    method: post\n    path: /a\n    useFallback: true\n    x_on_behalf_of: true\n    sleep: 50\n    content_type: multipart\n    form_fields: { title: T }\n    file_fields:\n      - field_name: f\n        file_path: sample.pdf\n    onFail: skip\n    skipReason: why\n```\n',
      'x.md',
    );
    const step = doc.steps[0] as Step;
    expect(step).toMatchObject({ method: 'POST', api: 'fallback', xOnBehalfOf: true, sleepMs: 50, bodyKind: 'multipart', onFail: 'skip', skipReason: 'why' });
    expect(step.fileFields).toEqual([{ fieldName: 'f', filePath: 'sample.pdf', contentType: undefined, fileName: undefined }]);
  });

  it('flags status 99, an unknown step key with a suggestion, and a bad onFail', () => {
    const doc = parseDoc(
      '---\nendpoint: "GET /a"\n---\n```yaml\nsteps:\n  - id: a\n    path: /a\n    extrct: {}\n    onFail: stop\n    expect:\n      status: 99\n```\n',
      'x.md',
    );
    const byCode = Object.fromEntries(doc.diagnostics.map((d) => [d.code, d]));
    expect(byCode['unknown-step-key'].help).toBe('did you mean `extract`?');
    expect(byCode['invalid-status'].span).toMatchObject({ line: 11 });
    expect(byCode['invalid-on-fail']).toBeDefined();
  });
});

describe('one input model: the step schema, phases, docs without steps', () => {
  const doc = (body: string, front = 'endpoint: "POST /a"') => parseDoc(`---\n${front}\n---\n# Title\n${body}`, 'x.md');
  const codes = (body: string, front?: string) => doc(body, front).diagnostics.map((d) => `${d.severity}:${d.code}`);

  it('makes unknown keys errors in steps, expect, retry and extract, with did-you-mean and spans', () => {
    const parsed = doc(
      '## Test Request\n```yaml\nsteps:\n  - id: a\n    path: /a\n    metod: POST\n    retry: { attemps: 2 }\n    extract:\n      v: { jsonpth: "$.a" }\n    expect:\n      stauts: 200\n```\n',
    );
    const byCode = Object.fromEntries(parsed.diagnostics.map((d) => [d.code, d]));
    expect(byCode['unknown-step-key']).toMatchObject({ severity: 'error', help: 'did you mean `method`?', span: { line: 10, col: 5 } });
    expect(byCode['unknown-retry-key']).toMatchObject({ severity: 'error', help: 'did you mean `attempts`?' });
    expect(byCode['unknown-extract-key']).toMatchObject({ severity: 'error', help: 'did you mean `jsonpath`?' });
    expect(byCode['unknown-expect-key']).toMatchObject({ severity: 'error', help: 'did you mean `status`?', span: { line: 15 } });
  });

  it('allows x- keys in steps, expect, retry, extract and next to steps:', () => {
    expect(
      codes(
        '## Test Request\n```yaml\nx-owner: me\nsteps:\n  - id: a\n    path: /a\n    x-note: 1\n    retry: { attempts: 2, x-why: slow }\n    extract:\n      v: { jsonpath: "$.a", x-n: 1 }\n    expect:\n      x-ticket: T-1\n```\n',
      ),
    ).toEqual([]);
  });

  it('says no-steps for a step: block, a json Test Request and a doc without blocks', () => {
    const step = doc('## Test Request\n```yaml\nstep:\n  - id: a\n    path: /a\n```\n').diagnostics;
    expect(step.map((d) => [d.code, d.help, d.span?.line])).toEqual([['no-steps', 'did you mean `steps:`?', 7]]);
    expect(codes('## Test Request\n```json\n{"path": "/a"}\n```\n')).toEqual(['error:no-steps']);
    expect(codes('## Summary\nProse only.\n')).toEqual(['error:no-steps']);
    // A misspelt block next to valid ones would be dropped silently: an error too.
    expect(codes('## Prerequisites\n```yaml\nsteps:\n  - path: /s\n```\n## Test Request\n```yaml\nStep:\n  - path: /a\n```\n')).toEqual(['error:no-steps']);
  });

  it('keeps blocks under non-phase sections as documentation (info, not run, no duplicate ids)', () => {
    const parsed = doc(
      '## Test Request\n```yaml\nsteps:\n  - id: a\n    path: /a\n```\n## Alternative: the legacy route\n```yaml\nsteps:\n  - id: a\n    path: /legacy\n```\n### Example\n```yaml\nsteps:\n  - id: a\n```\n',
    );
    expect(parsed.steps.map((s) => (s as Step).path)).toEqual(['/a']);
    expect(parsed.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['info:documentation-block', 'info:documentation-block']);
    // Under the title alone, a block is the test.
    expect(doc('```yaml\nsteps:\n  - path: /t\n```\n').steps.map((s) => s.phase)).toEqual(['test']);
  });

  it('reads an empty frontmatter value as absent, and rejects a value of the wrong shape', () => {
    const parsed = doc('## Test Request\n```yaml\nsteps:\n  - path: /a\n```\n', 'endpoint: "POST /a"\nexpectedOutcome:\ntags:\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.frontmatter.expectedOutcome).toBeUndefined();
    expect(codes('## Test Request\n```yaml\nsteps:\n  - path: /a\n```\n', 'endpoint: "POST /a"\ntags: 5')).toEqual(['error:frontmatter-type']);
  });
});

describe('the vcita corpus', () => {
  const files = walk(join(SHARED, 'corpus/vcita/workflows'));

  it('has no unknown keys in any step (the schema knows every key the authors use)', () => {
    const unknown = files.flatMap((file) =>
      parseDoc(readFileSync(file, 'utf8'), file).diagnostics.filter((d) => d.code.startsWith('unknown-') && d.code.endsWith('-key')),
    );
    expect(unknown).toEqual([]);
  });

  it('parses all 184 docs without an exception', () => {
    const counts: Record<string, number> = {};
    let steps = 0;
    for (const file of files) {
      const doc = parseDoc(readFileSync(file, 'utf8'), file);
      steps += doc.steps.length;
      for (const d of doc.diagnostics) counts[`${d.severity}:${d.code}`] = (counts[`${d.severity}:${d.code}`] ?? 0) + 1;
    }
    expect(files.filter((f) => !f.endsWith('TEMPLATE.md'))).toHaveLength(184);
    expect(steps).toBeGreaterThan(340);
    // Diagnostics are allowed (real docs have defects); they are counted, never thrown.
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThan(files.length);
  });
});
