import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/config/keys.js';
import { STEP_KEYS } from '../../src/doc/step.js';
import { REPO_ROOT } from '../support/cli.js';
import { documentedCodes, runCommand } from './helpers.js';

const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/lint');

function fixtureCodes(): Set<string> {
  const codes = new Set<string>();
  for (const name of readdirSync(FIXTURES)) {
    const text = readFileSync(join(FIXTURES, name, 'expected.txt'), 'utf8');
    for (const m of text.matchAll(/^(?:error|warning)\[([a-z0-9-]+)\]/gm)) codes.add(m[1]);
    for (const m of text.matchAll(/"code": "([a-z0-9-]+)"/g)) codes.add(m[1]);
  }
  return codes;
}

describe('diagnostic codes', () => {
  it('documents every code the fixtures produce, with an example', () => {
    const documented = documentedCodes();
    const codes = [...fixtureCodes()];
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((c) => !documented.has(c))).toEqual([]);
  });
});

describe('shipped JSON Schemas', () => {
  it('steps.schema.json knows exactly the step keys the parser reads', () => {
    const schema = JSON.parse(readFileSync(resolve(REPO_ROOT, 'schema/steps.schema.json'), 'utf8'));
    expect(Object.keys(schema.definitions.step.properties).sort()).toEqual([...STEP_KEYS].sort());
    expect(schema.definitions.step.additionalProperties).toBe(false);
  });

  it('config.schema.json knows exactly CONFIG_KEYS', () => {
    const schema = JSON.parse(readFileSync(resolve(REPO_ROOT, 'schema/config.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(CONFIG_KEYS).sort());
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('output formats', () => {
  it('--format sarif is SARIF 2.1.0 with the required fields', async () => {
    const run = await runCommand(['lint', 'doc.md', '--format', 'sarif'], join(FIXTURES, 'request-body-schema'));
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif/);
    expect(sarif.runs).toHaveLength(1);
    const [only] = sarif.runs;
    expect(only.tool.driver.name).toBe('stepdoc');
    const rules: Array<{ id: string }> = only.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['request-body-schema']);
    expect(only.results).toHaveLength(4);
    for (const result of only.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['error', 'warning', 'note', 'none']).toContain(result.level);
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('doc.md');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(location.region.endColumn).toBeGreaterThan(location.region.startColumn);
    }
  });

  it('--format json gives file/line/col/code/severity/message/help for each diagnostic', async () => {
    const run = await runCommand(['lint', 'doc.md', '--format', 'json'], join(FIXTURES, 'typo-filter'));
    const rows = JSON.parse(run.stdout);
    expect(rows).toEqual([
      expect.objectContaining({ file: 'doc.md', line: 21, col: 15, code: 'unknown-filter', severity: 'error', help: 'did you mean `slice`?' }),
    ]);
  });

  it('rejects an unknown format as a usage error', async () => {
    const run = await runCommand(['lint', 'doc.md', '--format', 'xml'], join(FIXTURES, 'clean-minimal'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error[usage]');
  });
});

describe('run shows the same diagnostics', () => {
  it('refuses an invalid doc with exit 2 and the frame lint prints', async () => {
    const dir = join(FIXTURES, 'unknown-variable');
    const run = await runCommand(['run', 'doc.md', '--base-url', 'http://127.0.0.1:9'], dir);
    expect(run.code).toBe(2);
    const lintFrame = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n\n')[0];
    expect(run.stderr).toContain(lintFrame);
  });
});
