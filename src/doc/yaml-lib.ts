import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The yaml library, loaded on first use. Docs are plain YAML that lite-yaml reads on its own, so a
 * run of such docs never pays the library's ≈40 ms of loading (42 modules); anything beyond lite-yaml's
 * subset, and config files, load it here — synchronously, as parsing is synchronous.
 */
export function yamlLib(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}
