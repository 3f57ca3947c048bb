import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve.js';
import { lintConfig } from '../../src/lint/config-lint.js';

/** A config in a subfolder, read from another cwd with --config. */
function nested(config: string): { cwd: string; file: string; dir: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'stepdoc-config-paths-'));
  const dir = join(cwd, 'conf', 'vcita');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stepdoc.config.yaml'), config);
  return { cwd, file: 'conf/vcita/stepdoc.config.yaml', dir };
}

describe('paths in a config file are relative to it', () => {
  it('swaggerRoot and remoteRefs folders resolve from the config file; mock.specs stay globs', async () => {
    const { cwd, file, dir } = nested(
      'swaggerRoot: ../corpus\nremoteRefs:\n  "https://h.example/entities/": ../corpus/entities/\nmock:\n  specs: ["swagger/**/*.json"]\n',
    );
    const { settings } = await resolveSettings({ config: file }, cwd, {});
    expect(settings.swaggerRoot).toBe(join(dir, '../corpus'));
    expect(settings.remoteRefs).toEqual({ 'https://h.example/entities/': join(dir, '../corpus/entities') });
    expect(settings.mockSpecs).toEqual(['swagger/**/*.json']);
  });

  it('token profiles can send their own headers (a directory token acts on behalf of a business)', async () => {
    const { cwd, file } = nested('tokens:\n  directory:\n    value: d-1\n    headers: { X-On-Behalf-Of: biz-1 }\n  admin: { value: a-1, scheme: Admin }\n');
    const { settings } = await resolveSettings({ config: file, tokens: ['directory=d-2'] }, cwd, {});
    expect(settings.tokens.directory).toEqual({ value: 'd-2', header: 'Authorization', scheme: 'Bearer', headers: { 'X-On-Behalf-Of': 'biz-1' } });
    expect(settings.tokens.admin).toMatchObject({ scheme: 'Admin' });
  });

  it('wrong shapes are errors: a non-URL prefix, an unknown mock key', async () => {
    const bad = nested('remoteRefs:\n  entities/: ./x\nmock:\n  spec: ["a"]\n');
    const error = await resolveSettings({ config: bad.file }, bad.cwd, {}).catch((e) => e);
    const codes = error.diagnostics.map((d: { code: string; help?: string }) => `${d.code} ${d.help ?? ''}`.trim());
    expect(codes).toEqual(expect.arrayContaining(['config-schema', 'config-unknown-key did you mean `specs`?']));
    const lint = await lintConfig(bad.file, bad.cwd);
    expect(lint.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['config-unknown-key']));
  });
});
