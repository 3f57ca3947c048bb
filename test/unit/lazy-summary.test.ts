import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/redact.js';
import type { StepResult } from '../../src/core/result.js';
import { lazySummary, withoutExchange } from '../../src/run/lazy-summary.js';
import { summariseResponse } from '../../src/run/response-summary.js';

function step(): StepResult {
  return {
    id: 'create',
    phase: 'test',
    status: 'passed',
    span: { file: 'a.md', line: 3, col: 1 },
    checks: [],
    extracted: [],
    attempts: [],
    startedAt: '2026-12-05T00:00:00.000Z',
    durationMs: 1,
  };
}

const response = {
  status: 201,
  headers: { 'content-type': 'application/json' },
  bodyText: '{"token":"tok-1234"}',
  json: { token: 'tok-1234' },
  size: 20,
  truncated: false,
  durationMs: 2,
};

describe('lazy request/response summaries of a step', () => {
  it('is made on first read only, once, and then is a plain value', () => {
    const result = step();
    let made = 0;
    lazySummary(result, 'response', () => {
      made++;
      return summariseResponse(response, new Redactor([]));
    });
    expect(made).toBe(0);
    expect(Object.hasOwn(result, 'response')).toBe(true);
    expect(result.response?.status).toBe(201);
    expect(result.response?.body).toEqual({ token: 'tok-1234' });
    expect(made).toBe(1);
    expect(Object.getOwnPropertyDescriptor(result, 'response')).toHaveProperty('value');
  });

  it('is part of JSON output and of spreads, like a plain property', () => {
    const result = step();
    lazySummary(result, 'response', () => summariseResponse(response, new Redactor([])));
    expect(JSON.parse(JSON.stringify(result)).response.status).toBe(201);
    expect({ ...step(), ...result }.response?.status).toBe(201);
  });

  it('is redacted with the secrets known when it is read, not fewer', () => {
    const redactor = new Redactor([]);
    const result = step();
    lazySummary(result, 'response', () => summariseResponse(response, redactor));
    redactor.add(['tok-1234']);
    expect(JSON.stringify(result)).not.toContain('tok-1234');
    expect(result.response?.bodyText).toBe('{"token":"***"}');
  });

  it('can be replaced by assignment without being made', () => {
    const result = step();
    let made = 0;
    lazySummary(result, 'response', () => {
      made++;
      return summariseResponse(response, new Redactor([]));
    });
    result.response = undefined;
    expect(result.response).toBeUndefined();
    expect(made).toBe(0);
  });

  it('withoutExchange drops request and response without making them', () => {
    const result = step();
    let made = 0;
    lazySummary(result, 'response', () => {
      made++;
      return summariseResponse(response, new Redactor([]));
    });
    const slim = withoutExchange(result);
    expect(made).toBe(0);
    expect(Object.hasOwn(slim, 'response')).toBe(false);
    expect(slim).toMatchObject({ id: 'create', status: 'passed', durationMs: 1 });
  });
});
