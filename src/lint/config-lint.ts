import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap } from 'yaml';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, lineStartOffsets } from '../core/span.js';
import { checkConfigShape } from '../config/shape.js';
import { collectSpans, EmbeddedYaml } from '../doc/yaml-source.js';

export interface ConfigLint {
  /** Display path and text of the file, when there is one. */
  file?: { display: string; source: string; path?: string };
  diagnostics: Diagnostic[];
  /** The parsed values (not interpolated: lint needs names and shapes, not secrets). */
  values: Record<string, unknown>;
}

const DEFAULT_NAMES = ['stepdoc.config.yaml', 'stepdoc.config.yml'];

/** stepdoc.config.yaml against schema/config.schema.json, with spans (the check `run` makes). No file → nothing to say. */
export async function lintConfig(explicit: string | undefined, cwd: string): Promise<ConfigLint> {
  const path = explicit ? resolve(cwd, explicit) : DEFAULT_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!path) return { diagnostics: [], values: {} };
  const display = explicit ?? DEFAULT_NAMES.find((n) => path.endsWith(n)) ?? path;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return {
      diagnostics: [errorDiag('config-not-found', `cannot read config file ${display}`, undefined, { expected: 'a readable stepdoc.config.yaml' })],
      values: {},
    };
  }
  const file = { display, source, path };
  const yaml = new EmbeddedYaml(source, lineStartOffsets(source), display, new LineIndex(source));
  const diagnostics = [...yaml.diagnostics];
  const root = yaml.document.contents;
  if (!yaml.ok || root === null) return { file, diagnostics, values: {} };
  if (!isMap(root)) {
    diagnostics.push(errorDiag('config-type', 'the config must be a mapping of keys', yaml.nodeSpan(root)));
    return { file, diagnostics, values: {} };
  }
  const { keySpans, valueSpans } = collectSpans(root, yaml);
  const values = (yaml.toJS() ?? {}) as Record<string, unknown>;
  diagnostics.push(...checkConfigShape(values, { keySpans, valueSpans, fallback: { file: display, line: 1, col: 1 } }));
  return { file, diagnostics, values };
}

/** Values that must not be printed: tokens, vars marked secret, `secrets:`. */
export function configSecrets(values: Record<string, unknown>): string[] {
  const out: string[] = [];
  const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  for (const token of Object.values(record(values.tokens))) {
    const value = typeof token === 'string' ? token : record(token).value;
    if (typeof value === 'string') out.push(value);
    const clientSecret = record(record(token).oauth2).clientSecret;
    if (typeof clientSecret === 'string') out.push(clientSecret);
  }
  for (const v of Object.values(record(values.vars))) if (record(v).secret === true) out.push(String(record(v).value));
  if (Array.isArray(values.secrets)) out.push(...values.secrets.map(String));
  return out.filter((s) => !/^\$\{[^}]+\}$/.test(s));
}
