import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { ApiTarget, RunSettings, TokenProfile } from '../core/settings.js';
import type { MockRequestLog } from '../mock/server.js';

export interface MockTargetOptions {
  strictState?: boolean;
  seed?: number;
  onRequest?: (log: MockRequestLog) => void;
}

/** The token value sent in --mock: the mock checks no credentials, the runner only needs something to send. */
export const MOCK_TOKEN = 'stepdoc-mock-token';

/**
 * Starts one mock for a run from the selected docs' swagger files and returns settings whose every API
 * (`default`, `fallback` and any other name a doc asks for) points at it, and where every token profile
 * has a placeholder value — `run --mock` needs no network and no tokens.
 */
export async function startMockTarget(
  specFiles: string[],
  settings: RunSettings,
  options: MockTargetOptions = {},
): Promise<{ settings: RunSettings; url: string; close(): Promise<void>; warnings(): Diagnostic[] }> {
  const [{ startMock }, { apiBaseUrl }, { mockSpecFiles, mockSpecEntries, missingRouteExplainer }, { resolveSwaggerPath }] = await Promise.all([
    import('../mock/server.js'),
    import('../mock/api-prefix.js'),
    import('../mock/spec-set.js'),
    import('../openapi/resolve-path.js'),
  ]);
  const unique = mockSpecFiles(specFiles, settings.swaggerRoot, settings.mockSpecs);
  const warnings: Diagnostic[] = [];
  // The docs' own specs load now (the same loaded specs and validators as the runner's checks); the rest lazily.
  const { entries: specs, loaded } = await mockSpecEntries(unique, new Set(specFiles), settings.remoteRefs, warnings);
  const byFile = new Map(loaded.map((spec) => [spec.file, spec]));
  const specForHint = (hint: string) => {
    const file = resolveSwaggerPath(hint, settings).file;
    return file === undefined ? undefined : byFile.get(file);
  };
  const explainMissing = missingRouteExplainer(unique, settings.swaggerRoot);
  const onWarning = (message: string) => warnings.push(warningDiag('mock-example-invalid', message));
  const mock = await startMock({
    specs,
    strictState: options.strictState,
    seed: options.seed,
    onRequest: options.onRequest,
    specForHint,
    explainMissing,
    onWarning,
    validatorCacheDir: settings.validatorCacheDir,
  });
  const apis = withDefaults<ApiTarget>({}, (name) => ({ baseUrl: apiBaseUrl(mock.url, name) }));
  for (const name of new Set(['default', 'fallback', ...Object.keys(settings.apis)])) {
    apis[name] = { ...settings.apis[name], baseUrl: apiBaseUrl(mock.url, name), requestsPerSecond: undefined };
  }
  const placeholder = (): TokenProfile => ({ value: MOCK_TOKEN, header: 'Authorization', scheme: 'Bearer' });
  const tokens = withDefaults<TokenProfile>({}, placeholder);
  // An OAuth2 profile sends the placeholder too: a mock run never calls the token endpoint.
  for (const [name, profile] of Object.entries(settings.tokens)) tokens[name] = { ...profile, value: MOCK_TOKEN, oauth2: undefined };
  return { settings: { ...settings, apis, tokens }, url: mock.url, close: () => mock.close(), warnings: () => warnings };
}

/**
 * A record that answers every name: names a doc may use are only known when it runs, so unknown
 * ones get a default instead of "no API named …" / "token profile has no value".
 */
function withDefaults<T>(record: Record<string, T>, make: (name: string) => T): Record<string, T> {
  return new Proxy(record, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && !key.startsWith('__') && key !== 'then' && key !== 'toJSON') {
        target[key] = make(key);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * The swagger files of some docs, resolved like the runner does (`swaggerRoot`, then the project root).
 * Docs without `swagger:` or with a file that does not exist add nothing; their diagnostics come back.
 */
export async function specFilesOfDocs(
  docs: Array<{ frontmatter: { swagger?: string } }>,
  settings: Pick<RunSettings, 'rootDir' | 'swaggerRoot'>,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const { resolveSwaggerPath } = await import('../openapi/resolve-path.js');
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const value = doc.frontmatter.swagger;
    if (!value) continue;
    const found = resolveSwaggerPath(value, settings);
    if (found.file) files.add(found.file);
    diagnostics.push(...found.diagnostics);
  }
  return { files: [...files].sort(), diagnostics };
}
