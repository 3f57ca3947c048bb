import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { RunResult } from '../core/result.js';
import { fromJsonReport, REPORT_SCHEMA_VERSION, type JsonReport } from './json.js';

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

let compiled: Promise<Validate> | undefined;

/** The published schema, compiled once, lazily (ajv is not loaded unless a report is read). */
export function reportValidator(): Promise<Validate> {
  compiled ??= (async () => {
    const [{ Ajv }, schemaText] = await Promise.all([import('ajv'), readFile(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')]);
    return new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(schemaText)) as Validate;
  })();
  return compiled;
}

/** Reads a report.json back into a RunResult; a missing, malformed or foreign file is a UsageError. */
export async function readJsonReport(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read report ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`, 'pass report.json files written by `stepdoc run --reporter json`');
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== REPORT_SCHEMA_VERSION) {
    throw new UsageError(
      `${path} is a version ${version} report; this stepdoc reads version ${REPORT_SCHEMA_VERSION}`,
      'use the same stepdoc version for the run and the merge',
    );
  }
  const validate = await reportValidator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath || '(root)';
    throw new UsageError(
      `${path} is not a stepdoc JSON report: ${where} ${first?.message ?? 'is invalid'}`,
      'pass report.json files written by `stepdoc run --reporter json`',
    );
  }
  return fromJsonReport(data as JsonReport);
}
