import { resolve } from 'node:path';
import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import { isRecord } from './read.js';

/**
 * `remoteRefs: { "https://host/prefix/": local/folder/ }`: remote `$ref` URL prefixes served from local
 * folders, relative to the config file (so a config works from any cwd). Prefixes keep their trailing slash.
 */
export function readRemoteRefs(value: unknown, configDir: string, diagnostics: Diagnostic[]): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', '`remoteRefs` must map URL prefixes to local folders'));
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [prefix, folder] of Object.entries(value)) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(prefix) || typeof folder !== 'string' || folder === '') {
      diagnostics.push(errorDiag('config-type', `\`remoteRefs\`: \`${prefix}\` must be an absolute URL prefix mapped to a folder`));
      continue;
    }
    out[prefix] = resolve(configDir, folder);
  }
  return out;
}

const MOCK_KEYS = ['specs'];

/** `mock: { specs: [globs] }`: the specs the mock serves, as globs relative to `swaggerRoot`. */
export function readMockSpecs(value: unknown, diagnostics: Diagnostic[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    diagnostics.push(errorDiag('config-type', '`mock` must be a mapping: { specs: [globs] }'));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!MOCK_KEYS.includes(key))
      diagnostics.push(errorDiag('config-unknown-key', `unknown key \`mock.${key}\``, undefined, { help: didYouMean(key, MOCK_KEYS) }));
  }
  const specs = value.specs;
  if (specs === undefined) return undefined;
  if (!Array.isArray(specs) || !specs.every((s) => typeof s === 'string' && s !== '')) {
    diagnostics.push(errorDiag('config-type', '`mock.specs` must be a list of globs relative to swaggerRoot'));
    return undefined;
  }
  return specs as string[];
}
