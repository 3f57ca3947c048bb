import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { sendJson, startServer, type TestServer } from '../support/http-server.js';

export const SECRET = 's3cr3t-ui-token-9f8e7d';
export const XSS = '<img src=x onerror="window.__pwned=1">';

/** What the test API answers; tests flip it to break and fix a doc. */
export interface ApiMode {
  name: string;
}

/**
 * A test API on 127.0.0.1: POST /clients creates, GET /clients/c-1 answers the client (its name
 * from `mode`, and the Authorization header it got, so redaction is visible), GET /cards answers markup.
 */
export async function startApi(mode: ApiMode): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.method === 'POST' && req.path === '/clients') return sendJson(res, 201, { data: { client: { id: 'c-1' } } });
    if (req.path === '/clients/c-1') return sendJson(res, 200, { data: { name: mode.name, seenAuth: req.headers.authorization } });
    if (req.path === '/cards') return sendJson(res, 200, { data: { note: XSS } });
    sendJson(res, 404, { error: 'no route' });
  });
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

export const CREATE = `---
endpoint: "POST /clients"
domain: clients
tags: [clients]
status: pending
timesReused: 0
---
# Create a client
## Test Request
\`\`\`yaml
steps:
  - id: make
    method: POST
    path: /clients
    body: { name: Ada }
    expect:
      status: 201
    extract: { client_id: "$.data.client.id" }
\`\`\`
`;

export const getDoc = (name: string) => `---
endpoint: "GET /clients/{id}"
domain: clients
tags: [clients, smoke]
status: verified
verifiedAt: "${daysAgo(2)}"
timesReused: 3
---
# Get a client
## Prerequisites
\`\`\`yaml
steps:
  - use: create_client.md
\`\`\`
## Test Request
\`\`\`yaml
steps:
  - id: read
    path: /clients/{{ client_id }}
    expect:
      status: 200
      body:
        $.data.name: ${name}
\`\`\`
`;

export const CARDS = `---
endpoint: "GET /cards"
domain: cards
tags: [cards]
status: verified
verifiedAt: "${daysAgo(400)}"
timesReused: 0
---
# Cards ${XSS}
## Test Request
\`\`\`yaml
steps:
  - id: list
    path: /cards
\`\`\`
`;

/** A project folder: scenarios/clients/{create,get}_client.md and scenarios/cards/list_cards.md. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdoc-ui-'));
  mkdirSync(join(dir, 'scenarios/clients'), { recursive: true });
  mkdirSync(join(dir, 'scenarios/cards'), { recursive: true });
  writeFileSync(join(dir, 'scenarios/clients/create_client.md'), CREATE);
  writeFileSync(join(dir, 'scenarios/clients/get_client.md'), getDoc('Ada'));
  writeFileSync(join(dir, 'scenarios/cards/list_cards.md'), CARDS);
  return dir;
}

export function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return parseDocument(match![1]).toJS() as Record<string, unknown>;
}
