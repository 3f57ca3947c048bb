import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createJsonReporter, REPORT_SCHEMA_VERSION } from '../../src/report/json.js';
import { readJsonReport } from '../../src/report/read-report.js';
import { mixedRun, options, SECRETS, tempDir } from './fixtures.js';

const schemaPath = resolve(__dirname, '../../schema/report.schema.json');

async function compileSchema() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  return new Ajv({ allErrors: true, strict: true }).compile(schema);
}

describe('json reporter', () => {
  it('writes the whole run, valid against the published schema', async () => {
    const dir = await tempDir();
    const written = await createJsonReporter(options(dir)).finish(mixedRun());
    expect(written).toEqual([join(dir, 'report.json')]);
    const report = JSON.parse(await readFile(written[0], 'utf8'));
    const validate = await compileSchema();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.$schema).toBe('stepdoc/schema/report.schema.json');
    expect(report.summary).toEqual({ total: 6, passed: 1, failed: 2, skipped: 2, invalid: 1, dryRun: 0, notSent: 0, notRun: 0, stepsNotSent: {} });
    const transfer = report.docs[1].steps[1];
    expect(transfer.checks[0]).toMatchObject({ expected: 201, actual: 404, passed: false });
    expect(transfer.request.headers.authorization).toBe('Bearer ***');
    expect(report.docs[0].steps[0].extracted).toEqual(['client_id']);
    expect(report.environment.platform).toBe('linux');
    expect(report.stepdocVersion).toBe('0.1.0');
    expect(report.runId).toBe('run-fixture-1');
  });

  it('the schema rejects what is not a report', async () => {
    const validate = await compileSchema();
    const report = JSON.parse(JSON.stringify({ schemaVersion: 1, ...mixedRun() }));
    report.docs[0].status = 'ok';
    expect(validate(report)).toBe(false);
    expect(validate({ schemaVersion: 1 })).toBe(false);
  });

  it('truncates response bodies to maxReportBodyChars with a marker', async () => {
    const dir = await tempDir();
    const result = mixedRun();
    const big = { items: Array.from({ length: 500 }, (_, i) => ({ i, text: 'lorem ipsum' })) };
    const target = result.docs[0].steps[1];
    target.response = { ...target.response!, body: big, bodyText: JSON.stringify(big), size: JSON.stringify(big).length };
    await createJsonReporter(options(dir, { maxReportBodyChars: 200 })).finish(result);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    const response = report.docs[0].steps[1].response;
    expect(response.truncated).toBe(true);
    expect(response.bodyText.length).toBeLessThan(300);
    expect(response.bodyText).toMatch(/…\[stepdoc: truncated, \d+ more characters\]$/);
    expect(typeof response.body).toBe('string');
    expect(response.body.startsWith('{"items":[{"i":0')).toBe(true);
    // small bodies stay parsed JSON
    expect(report.docs[0].steps[0].response.body).toEqual({ data: { id: 'c_1', name: 'Ada' } });
    expect(report.docs[0].steps[0].response.truncated).toBe(false);
  });

  it('reads its own output back, and refuses files that are not reports', async () => {
    const dir = await tempDir();
    await createJsonReporter(options(dir)).finish(mixedRun());
    const back = await readJsonReport(join(dir, 'report.json'));
    expect(back.docs.map((d) => d.displayPath)).toEqual(mixedRun().docs.map((d) => d.displayPath));
    expect(back).not.toHaveProperty('schemaVersion');
    expect(JSON.stringify(back)).not.toContain(SECRETS.token);

    const notJson = join(dir, 'bad.json');
    await writeFile(notJson, '{ nope');
    await expect(readJsonReport(notJson)).rejects.toBeInstanceOf(UsageError);
    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify({ schemaVersion: 1, docs: 'x' }));
    await expect(readJsonReport(foreign)).rejects.toThrow(/not a stepdoc JSON report/);
    await expect(readJsonReport(join(dir, 'missing.json'))).rejects.toThrow(/cannot read report/);
  });
});
