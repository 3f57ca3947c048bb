import type { ExtractSource } from '../core/model.js';
import type { CheckResult } from '../core/result.js';
import { describeMiss, queryPath } from './jsonpath.js';

export interface ExtractInput {
  status: number;
  headers: Record<string, string>;
  json: unknown;
  /** Why the body is not JSON, when it is not. */
  jsonError?: string;
}

/** Extracted values, and a failed check for each variable that could not be found. */
export function extractVariables(spec: Record<string, ExtractSource>, input: ExtractInput): { values: Record<string, unknown>; failures: CheckResult[] } {
  const values: Record<string, unknown> = {};
  const failures: CheckResult[] = [];
  for (const [name, source] of Object.entries(spec)) {
    if (source.from === 'status') values[name] = input.status;
    else if (source.from === 'header') {
      const value = input.headers[source.name.toLowerCase()];
      if (value === undefined) failures.push(failure(name, `header ${source.name}`, `header ${source.name} is not in the response`));
      else values[name] = value;
    } else {
      if (input.json === undefined) {
        failures.push(failure(name, source.path, `cannot extract \`${name}\` from ${source.path}: ${input.jsonError ?? 'the response body is not JSON'}`));
        continue;
      }
      const { found, value, error, multi } = queryPath(input.json, source.path);
      if (!found || value === undefined) {
        failures.push(
          failure(
            name,
            source.path,
            error ? `invalid JSONPath ${source.path}: ${error}` : `\`${name}\`: ${source.path} matched nothing (${describeMiss(input.json, source.path)})`,
          ),
        );
      } else values[name] = pick(value, multi ?? false, source.all ?? false);
    }
  }
  return { values, failures };
}

/**
 * A path that can match several values (a filter like `[?(@.type=='event')]`, a wildcard) extracts the
 * FIRST match as a scalar, as the docs expect; `all: true` extracts the list of every match.
 */
function pick(value: unknown, multi: boolean, all: boolean): unknown {
  if (all) return multi ? value : [value];
  return multi && Array.isArray(value) ? value[0] : value;
}

function failure(name: string, expected: string, message: string): CheckResult {
  return { kind: 'extract', name: `extract ${name}`, passed: false, expected, message };
}
