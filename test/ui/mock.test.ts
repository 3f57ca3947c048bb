import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from './fixtures.js';
import { spawnCli } from './spawn.js';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/cards': {
      get: {
        responses: {
          200: {
            description: 'ok',
            content: {
              'application/json': { schema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] }, example: { count: 2 } },
            },
          },
        },
      },
    },
  },
};

describe('stepdoc ui --mock', () => {
  it('runs a selected doc against the embedded mock built from its spec', async () => {
    const dir = makeProject();
    writeFileSync(join(dir, 'cards.json'), JSON.stringify(SPEC));
    const doc = join(dir, 'scenarios/cards/count_cards.md');
    writeFileSync(
      doc,
      '---\nendpoint: "GET /cards"\nswagger: cards.json\ndomain: cards\n---\n## Test Request\n```yaml\nsteps:\n  - id: count\n    path: /cards\n    expect:\n      body:\n        $.count: 2\n```\n',
    );
    const cli = spawnCli(['ui', 'scenarios', '--port', '0', '--mock'], dir);
    try {
      const [, base, token] = await cli.waitFor(/^stepdoc ui: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)\n.*runs against the embedded mock/);
      const headers = { 'x-stepdoc-token': token, 'content-type': 'application/json' };
      const events = await fetch(`${base}/api/events?token=${token}`);
      const started = await fetch(`${base}/api/runs`, { method: 'POST', headers, body: JSON.stringify({ files: [doc] }) });
      expect(started.status).toBe(202);
      // Follow the event stream to the end of the run.
      const reader = events.body!.getReader();
      let text = '';
      while (!/event: run:end\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      expect(text).toMatch(/event: doc:start\n/);
      expect(text).toMatch(/event: step\n/);
      const state = (await (await fetch(`${base}/api/state`, { headers })).json()) as { mock: boolean; results: Array<{ file: string; status: string }> };
      expect(state.mock).toBe(true);
      expect(state.results).toEqual([expect.objectContaining({ file: doc, status: 'passed' })]);
      // A mock run verifies the doc against its spec, not the API: nothing is recorded, the doc is untouched.
      const before = readFileSync(doc, 'utf8');
      const record = await fetch(`${base}/api/record`, { method: 'POST', headers, body: '{}' });
      expect(record.status).toBe(400);
      expect(((await record.json()) as { error: string }).error).toMatch(/embedded mock/);
      expect(readFileSync(doc, 'utf8')).toBe(before);
    } finally {
      expect(await cli.interrupt()).toBe(130);
    }
  });
});
