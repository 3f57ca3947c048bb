import type { Doc } from '../../src/core/model.js';
import type { RunSettings } from '../../src/core/settings.js';

/** The few settings the provider reads; the rest is irrelevant to it. */
export function settings(rootDir: string, schemaMode: RunSettings['schemaMode'] = 'strict', swaggerRoot = '.'): RunSettings {
  return { rootDir, swaggerRoot, schemaMode } as RunSettings;
}

/** A parsed doc reduced to what the provider reads: `swagger:` and `endpoint:`. */
export function docFor(swagger: string | undefined, endpoint?: string): Doc {
  const span = { file: '/tmp/doc.md', line: 1, col: 1 };
  const [method, path] = endpoint?.split(' ') ?? [];
  return {
    file: '/tmp/doc.md',
    displayPath: 'doc.md',
    source: '',
    frontmatter: {
      swagger,
      endpoint: endpoint ? { method, path, span } : undefined,
      tags: [],
      status: 'verified',
      tokens: [],
      useFallbackApi: false,
      vars: {},
      parallel: false,
      raw: {},
      keySpans: { swagger: { ...span, line: 4 } },
    },
    steps: [],
    diagnostics: [],
  };
}
