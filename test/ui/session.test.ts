import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/ui/engine.js';
import { startUi, type StartedUi } from '../../src/ui/start.js';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';
import { makeProject, SECRET } from './fixtures.js';

/** The fields of the events' data the tests read (`run:end` and `doc:end`). */
interface EventData {
  interrupted?: boolean;
  doc: { status: string; steps: Array<{ response: { body: { token: string } } }> };
}

/** Reads server-sent events until one named `until` arrives; returns every event seen. */
async function eventsUntil(body: ReadableStream<Uint8Array>, until: string): Promise<Array<{ event: string; data: EventData }>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(`event: ${until}\n`) || !/event: [^\n]+\ndata: [^\n]*\n\n$/.test(text)) text += decoder.decode((await reader.read()).value);
  await reader.cancel();
  return [...text.matchAll(/event: ([^\n]+)\ndata: ([^\n]*)\n\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]) }));
}

describe('stepdoc ui: runs, stop, busy, invalid docs, redaction', () => {
  let api: TestServer;
  let ui: StartedUi;
  let dir: string;
  let release: () => void = () => {};
  const headers = () => ({ 'x-stepdoc-token': ui.token, 'content-type': 'application/json' });
  const post = (path: string, body: unknown) => fetch(`${ui.url}${path}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) });

  beforeAll(async () => {
    // /hang answers only when the test releases it (or never: the run is stopped).
    api = await startServer(async (req, res) => {
      if (req.path === '/hang') await new Promise<void>((r) => (release = r));
      sendJson(res, 200, { ok: true, token: req.headers.authorization });
    });
    dir = makeProject();
    writeFileSync(
      join(dir, 'scenarios/hang.md'),
      `---\nendpoint: "GET /hang"\n---\n# Hangs\nThe token is ${SECRET}.\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: wait\n    path: /hang\n\`\`\`\n`,
    );
    writeFileSync(
      join(dir, 'scenarios/broken.md'),
      '---\nendpoint: "GET /x"\n---\n## Test Request\n```yaml\nsteps:\n  - id: x\n    path: /x/{{ nope }}\n```\n',
    );
    const engine = await createEngine({ paths: ['scenarios'], cwd: dir, env: {}, flags: { baseUrl: api.url, tokens: [`staff=${SECRET}`], schema: 'off' } });
    ui = await startUi(engine, 0);
  });
  afterAll(async () => {
    release();
    await ui?.close();
    await api?.close();
  });

  it('lists an invalid doc with its errors; the doc text sent to the page has the secret redacted', async () => {
    type Listed = { file: string; displayPath: string; errors: unknown[] };
    const state = (await (await fetch(`${ui.url}/api/state`, { headers: headers() })).json()) as { docs: Listed[] };
    const broken = state.docs.find((d) => d.displayPath === 'scenarios/broken.md')!;
    expect(broken.errors.length).toBeGreaterThan(0);
    const hang = state.docs.find((d) => d.displayPath === 'scenarios/hang.md')!;
    const source = (await (await fetch(`${ui.url}/api/source?file=${encodeURIComponent(hang.file)}`, { headers: headers() })).json()) as { text: string };
    expect(source.text).toContain('The token is ***.');
    expect(JSON.stringify(state)).not.toContain(SECRET);
  });

  it('one run at a time (409), and Stop ends a hanging run as interrupted', async () => {
    const file = join(dir, 'scenarios/hang.md');
    const events = await fetch(`${ui.url}/api/events?token=${ui.token}`);
    expect((await post('/api/runs', { files: [file] })).status).toBe(202);
    expect((await post('/api/runs', { files: [file] })).status).toBe(409);
    expect((await post('/api/record', {})).status).toBe(409);
    while (api.requests.filter((r) => r.path === '/hang').length === 0) await new Promise((r) => setTimeout(r, 10));
    expect((await post('/api/runs/stop', {})).status).toBe(200);
    const seen = await eventsUntil(events.body!, 'run:end');
    const end = seen.find((e) => e.event === 'run:end')!.data;
    expect(end.interrupted).toBe(true);
    expect(seen.find((e) => e.event === 'doc:end')!.data.doc.status).toBe('failed');
  });

  it('a file that is not a listed doc is refused (400), and nothing is sent', async () => {
    const before = api.requests.length;
    const answer = await post('/api/runs', { files: ['/etc/passwd'] });
    expect(answer.status).toBe(400);
    expect(api.requests.length).toBe(before);
  });

  it('results reach the page redacted: the token the API echoes shows as ***', async () => {
    const events = await fetch(`${ui.url}/api/events?token=${ui.token}`);
    const file = join(dir, 'scenarios/cards/list_cards.md');
    expect((await post('/api/runs', { files: [file] })).status).toBe(202);
    const seen = await eventsUntil(events.body!, 'run:end');
    const doc = seen.find((e) => e.event === 'doc:end')!.data.doc;
    expect(doc.status).toBe('passed');
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    expect(doc.steps[0].response.body.token).toBe('Bearer ***');
  });
});
