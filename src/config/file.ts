import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { LineIndex, lineStartOffsets, type SourceSpan } from '../core/span.js';
import { yamlLib } from '../doc/yaml-lib.js';
import { collectSpans, EmbeddedYaml } from '../doc/yaml-source.js';
import { interpolate } from './interpolate.js';
import { checkConfigShape } from './shape.js';

export interface ConfigFile {
  path?: string;
  source?: string;
  values: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** Where a value (by dotted path) is written in the file, for diagnostics found after reading. */
  spanOf: (path: string) => SourceSpan | undefined;
}

const noSpans = () => undefined;

const DEFAULT_NAMES = ['stepdoc.config.yaml', 'stepdoc.config.yml'];

/** Reads the config file (explicit, or the default name in cwd), interpolating `${ENV}`. */
export async function readConfigFile(explicit: string | undefined, cwd: string, env: Record<string, string | undefined>): Promise<ConfigFile> {
  const path = explicit ? resolve(cwd, explicit) : DEFAULT_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!path) return { values: {}, diagnostics: [], spanOf: noSpans };
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch {
    return {
      path,
      values: {},
      spanOf: noSpans,
      diagnostics: [errorDiag('config-not-found', `cannot read config file ${explicit ?? path}`, undefined, { expected: 'a readable stepdoc.config.yaml' })],
    };
  }
  const display = explicit ?? DEFAULT_NAMES.find((n) => path.endsWith(n)) ?? path;
  const yaml = new EmbeddedYaml(source, lineStartOffsets(source), display, new LineIndex(source));
  const diagnostics = [...yaml.diagnostics];
  if (!yaml.ok) return { path, source, values: {}, diagnostics, spanOf: noSpans };
  const root = yaml.document.contents;
  if (root !== null && !yamlLib().isMap(root)) {
    diagnostics.push(errorDiag('config-type', 'the config must be a mapping of keys', yaml.nodeSpan(root)));
    return { path, source, values: {}, diagnostics, spanOf: noSpans };
  }
  const { keySpans, valueSpans } = collectSpans(root, yaml);
  let raw: Record<string, unknown>;
  try {
    raw = (yaml.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    // yaml throws on alias bombs (`&a [*b, *b, …]` nested): bad input, not a crash.
    diagnostics.push(
      errorDiag('yaml-aliases', `invalid YAML: ${(error as Error).message}`, yaml.span(0), { expected: 'fewer expansions of YAML aliases (*name)' }),
    );
    return { path, source, values: {}, diagnostics, spanOf: noSpans };
  }
  const spanOf = (p: string) => valueSpans[p] ?? keySpans[p];
  diagnostics.push(...checkConfigShape(raw, { keySpans, valueSpans, fallback: { file: display, line: 1, col: 1 } }));
  const values = interpolate(raw, env, spanOf, diagnostics) as Record<string, unknown>;
  return { path, source, values, diagnostics, spanOf };
}

/** `.env` in cwd: fills variables the environment does not already set. */
export async function readDotEnv(cwd: string, env: Record<string, string | undefined>): Promise<Record<string, string | undefined>> {
  const path = resolve(cwd, '.env');
  if (!existsSync(path)) return env;
  const parsed = parseEnv(await readFile(path, 'utf8')) as Record<string, string>;
  return { ...parsed, ...env };
}
