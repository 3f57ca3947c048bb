/**
 * Generates the benchmark's docs: the 4-step payment scenario in the stepdoc format (docs/format.md),
 * one file per doc, optionally pointing at a small swagger file (the validating path).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function scenarioDoc(n, { swagger } = {}) {
  return `---
endpoint: "POST /platform/v1/payment/cards/sync_card"
domain: bench
tags: [bench, payments]
${swagger ? `swagger: ${swagger}\n` : ''}status: verified
tokens: [staff]
---

# Sync a card for a new client (${n})

Benchmark doc ${n}: a fresh client gets a card whose last four digits come from the run's timestamp.

## Prerequisites

\`\`\`yaml
steps:
  - id: enable_payments
    method: POST
    path: /platform/v1/payment/settings
    body:
      payment_settings:
        payments_gateway_type: stripe
        allow_credit_card: true
    expect:
      status: 200
  - id: create_client
    method: POST
    path: /platform/v1/clients
    body:
      first_name: "Bench ${n}"
      email: "bench{{timestamp}}@example.com"
    extract:
      client_id: "$.data.client.id"
    expect:
      status: 201
\`\`\`

## Test Request

\`\`\`yaml
steps:
  - id: sync_card
    method: POST
    path: /platform/v1/payment/cards/sync_card
    body:
      client_id: "{{ client_id }}"
      last_4: "{{ timestamp | slice: -4 }}"
      external_id: "card_{{ timestamp }}"
    expect:
      status: 201
  - id: read_client
    method: GET
    path: "/platform/v1/clients/{{ client_id }}"
    expect:
      status: 200
\`\`\`
`;
}

/** A minimal OpenAPI 3.0 file describing the four operations, for the swagger variant. */
export function scenarioSpec() {
  const ok = (props) => ({ type: 'object', required: ['status'], properties: { status: { type: 'string' }, data: { type: 'object', properties: props } } });
  const json = (schema) => ({ content: { 'application/json': { schema } } });
  return {
    openapi: '3.0.3',
    info: { title: 'bench', version: '1' },
    paths: {
      '/platform/v1/payment/settings': {
        post: {
          requestBody: json({ type: 'object', required: ['payment_settings'], properties: { payment_settings: { type: 'object' } } }),
          responses: { 200: { description: 'ok', ...json(ok({ payment_settings: { type: 'object' } })) } },
        },
      },
      '/platform/v1/clients': {
        post: {
          requestBody: json({
            type: 'object',
            required: ['email'],
            properties: { first_name: { type: 'string' }, email: { type: 'string', format: 'email' } },
          }),
          responses: { 201: { description: 'ok', ...json(ok({ client: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } })) } },
        },
      },
      '/platform/v1/payment/cards/sync_card': {
        post: {
          requestBody: json({
            type: 'object',
            required: ['client_id', 'last_4'],
            properties: { client_id: { type: 'string' }, last_4: { type: 'string', pattern: '^\\d{4}$' }, external_id: { type: 'string' } },
          }),
          responses: { 201: { description: 'ok', ...json(ok({ card: { type: 'object' } })) } },
        },
      },
      '/platform/v1/clients/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'ok', ...json(ok({ client: { type: 'object' } })) } },
        },
      },
    },
  };
}

/** Writes `count` docs into dir/docs (and the spec when asked); returns the docs folder. */
export function writeDocs(dir, count, { swagger = false } = {}) {
  const docsDir = path.join(dir, 'docs');
  mkdirSync(docsDir, { recursive: true });
  if (swagger) writeFileSync(path.join(dir, 'bench_openapi.json'), JSON.stringify(scenarioSpec(), null, 2));
  const width = String(count).length;
  for (let i = 1; i <= count; i++) {
    writeFileSync(
      path.join(docsDir, `sync_card_${String(i).padStart(width, '0')}.md`),
      scenarioDoc(i, { swagger: swagger ? 'bench_openapi.json' : undefined }),
    );
  }
  return docsDir;
}
