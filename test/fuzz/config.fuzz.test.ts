import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve.js';
import { CONFIG_KEYS } from '../../src/config/keys.js';
import { StepdocError } from '../../src/core/errors.js';

/**
 * The config loader either returns settings or throws a StepdocError carrying diagnostics
 * (exit 2) — never anything else — whatever the config file and `.env` hold.
 */
const dir = mkdtempSync(join(tmpdir(), 'stepdoc-fuzz-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loadOrDiagnose(config: string | undefined, dotenv?: string, env: Record<string, string> = {}): Promise<void> {
  const cwd = mkdtempSync(join(dir, 'c-'));
  if (config !== undefined) writeFileSync(join(cwd, 'stepdoc.config.yaml'), config);
  if (dotenv !== undefined) writeFileSync(join(cwd, '.env'), dotenv);
  try {
    const { settings } = await resolveSettings({}, cwd, env);
    expect(typeof settings.timeoutMs).toBe('number');
    expect(Number.isFinite(settings.retry.attempts)).toBe(true);
    expect(typeof settings.allowDelete).toBe('boolean');
    for (const api of Object.values(settings.apis)) {
      if (api.requestsPerSecond !== undefined) expect(typeof api.requestsPerSecond).toBe('number');
    }
  } catch (error) {
    expect(error).toBeInstanceOf(StepdocError);
    expect((error as StepdocError).message.length).toBeGreaterThan(0);
  }
}

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('${HOME}', '${NOPE}', '${NOPE:-x}', '${}', '$${A}', 'http://127.0.0.1:1', '-1', '1e400', 'NaN', '0x10', '~'),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('baseUrl', 'rateLimit', 'requestsPerSecond', 'maxConcurrent', 'attempts', 'unsafe', 'value', 'header', 'scheme', 'secret'),
      ),
      tie('v'),
      { maxKeys: 4 },
    ),
  ),
})).v;
const keys = fc.oneof(fc.constantFrom(...Object.keys(CONFIG_KEYS)), fc.string({ maxLength: 10 }));
const configObject = fc.dictionary(keys, value, { maxKeys: 8 });

function yamlOf(value: unknown): string {
  try {
    return stringify(value);
  } catch {
    return 'concurrency: 2\n';
  }
}

describe('fuzz: config loader', () => {
  it('random bytes as stepdoc.config.yaml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => loadOrDiagnose(Buffer.from(bytes).toString('utf8'))),
      { numRuns: 150 },
    );
  });

  it('structurally valid configs with odd values', async () => {
    await fc.assert(
      fc.asyncProperty(configObject, async (config) => loadOrDiagnose(yamlOf(config))),
      { numRuns: 300 },
    );
  });

  it('odd .env files and environment variables', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'STEPDOC_TOKEN_STAFF=abc',
        'STEPDOC_BASE_URL=not a url',
        'export A=1',
        'A="unclosed',
        "B='x'",
        '# c',
        '=',
        'STEPDOC_VAR_=1',
        'STEPDOC_SECRET_X=',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 6 }),
        fc.dictionary(fc.constantFrom('STEPDOC_TOKEN_X', 'STEPDOC_VAR_Y', 'STEPDOC_BASE_URL', 'HOME', 'NOPE'), fc.string({ maxLength: 8 })),
        async (lines, env) => {
          await loadOrDiagnose('apis:\n  default: ${STEPDOC_BASE_URL:-http://127.0.0.1:1}\n', lines.join('\n'), env);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an alias bomb is a diagnostic, not a crash', async () => {
    const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(',')}]`,
      );
    await loadOrDiagnose(`${lines.join('\n')}\nvars:\n  big: *a8\n`);
  });
});
