import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve.js';
import { DiagnosticsError } from '../../src/core/errors.js';

function project(config?: string, dotenv?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdoc-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'stepdoc.config.yaml'), config);
  if (dotenv !== undefined) writeFileSync(join(dir, '.env'), dotenv);
  return dir;
}

describe('settings: defaults → file → env → flags', () => {
  it('layers each source over the previous one', async () => {
    const dir = project(
      'apis:\n  default: https://file.example\n  fallback: { baseUrl: "${FALLBACK}" }\ntokens:\n  staff: "${STAFF}"\nconcurrency: 2\nvars:\n  business_id: biz\n  api_key: { value: k-123, secret: true }\n',
      'FALLBACK=https://dotenv.example\n',
    );
    const { settings } = await resolveSettings({ concurrency: 8, tokens: ['client=c-1'] }, dir, { STAFF: 's-1', STEPDOC_BASE_URL: 'https://env.example' });
    expect(settings.apis.default.baseUrl).toBe('https://env.example');
    expect(settings.apis.fallback.baseUrl).toBe('https://dotenv.example');
    expect(settings.tokens.staff).toEqual({ value: 's-1', header: 'Authorization', scheme: 'Bearer' });
    expect(settings.tokens.client.value).toBe('c-1');
    expect(settings.concurrency).toBe(8);
    expect(settings.vars).toMatchObject({ business_id: 'biz', api_key: 'k-123' });
    expect(settings.secrets).toEqual(expect.arrayContaining(['k-123', 's-1', 'c-1']));
  });

  it('reads STEPDOC_TOKEN_* and flags win over env', async () => {
    const { settings } = await resolveSettings({ baseUrl: 'https://flag.example' }, project(), {
      STEPDOC_TOKEN_STAFF: 'env-token',
      STEPDOC_BASE_URL: 'https://env.example',
    });
    expect(settings.tokens.staff.value).toBe('env-token');
    expect(settings.apis.default.baseUrl).toBe('https://flag.example');
  });

  it('rejects an unknown key with a suggestion, a missing env var and a bad flag pair', async () => {
    const error = await resolveSettings({ tokens: ['staff'] }, project('concurency: 2\ntokens:\n  staff: "${NOPE}"\n'), {}).catch((e) => e);
    expect(error).toBeInstanceOf(DiagnosticsError);
    const diags = (error as DiagnosticsError).diagnostics;
    expect(diags.find((d) => d.code === 'config-unknown-key')).toMatchObject({ help: 'did you mean `concurrency`?', span: { line: 1 } });
    expect(diags.find((d) => d.code === 'config-missing-env')).toMatchObject({ span: { line: 3 } });
    expect(diags.find((d) => d.code === 'usage')?.message).toContain('--token staff: expected PROFILE=VALUE');
  });

  it('checks the file through the schema with spans, as lint does: concurrency 5000 is one error', async () => {
    const error = await resolveSettings({}, project('apis:\n  default: "http://127.0.0.1:9"\nconcurrency: 5000\n'), {}).catch((e) => e);
    expect(error).toBeInstanceOf(DiagnosticsError);
    const diags = (error as DiagnosticsError).diagnostics;
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'config-schema', span: { line: 3, col: 1 } });
    expect(diags[0].expected).toContain('from 1 to 1024');
  });

  it('allows x- keys at every level, and range-checks numbers that come from ${ENV} with a span', async () => {
    const { settings } = await resolveSettings({}, project('x-team: a\nretry:\n  attempts: 2\n  x-why: flaky\n'), {});
    expect(settings.retry.attempts).toBe(2);
    const error = await resolveSettings({}, project('concurrency: "${CONC}"\n'), { CONC: '5000' }).catch((e) => e);
    expect((error as DiagnosticsError).diagnostics).toEqual([expect.objectContaining({ code: 'config-type', span: expect.objectContaining({ line: 1 }) })]);
  });

  it('uses ${NAME:-default} when the variable is not set', async () => {
    const { settings } = await resolveSettings({}, project('apis:\n  default: "${API:-http://127.0.0.1:9}"\n'), {});
    expect(settings.apis.default.baseUrl).toBe('http://127.0.0.1:9');
  });
});
