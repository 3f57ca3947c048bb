import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { Doc, Step } from '../core/model.js';
import type { RunSettings, TokenProfile } from '../core/settings.js';
import type { StepGraph } from '../graph/graph.js';
import { resolveSwaggerPath } from '../openapi/resolve-path.js';

/** Codes preflight reports: the CLI shows their warnings even without --verbose. */
export const PREFLIGHT_CODES = new Set(['missing-base-url', 'invalid-base-url', 'unknown-api', 'missing-token', 'swagger-not-found', 'swagger-foreign-path']);

export interface PreflightOptions {
  mock: boolean;
  dryRun: boolean;
  /** `--schema strict` asked for explicitly: a swagger file that is not found is an error. */
  strictSchema: boolean;
}

export interface Preflight {
  diagnostics: Diagnostic[];
  /** The settings to run with: in a dry run, missing tokens get a visible placeholder. */
  settings: RunSettings;
}

/**
 * What the selected docs need before the first request: a well-formed base URL for every API they
 * call, a value for every token profile they name, their swagger files. One diagnostic per missing
 * thing, at the first step (or key) that needs it. `--mock` supplies APIs and tokens itself.
 */
export function preflight(graphs: readonly StepGraph[], settings: RunSettings, options: PreflightOptions): Preflight {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const once = (key: string, make: () => Diagnostic | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    const diag = make();
    if (diag) diagnostics.push(diag);
  };
  const tokens: Record<string, TokenProfile> = { ...settings.tokens };
  for (const { doc, step } of requestSteps(graphs)) {
    if (!options.mock) {
      const api = step.api ?? (doc.frontmatter.useFallbackApi ? 'fallback' : (doc.frontmatter.api ?? 'default'));
      once(`api:${api}`, () => checkApi(api, step, settings, options.dryRun));
      const token = step.token ?? doc.frontmatter.tokens[0];
      if (token && token !== 'none' && !token.includes('{{') && !settings.tokens[token]) {
        const span = step.token ? step.span : (doc.frontmatter.keySpans.tokens ?? step.span);
        once(`token:${token}`, () => missingToken(token, span, options.dryRun));
        if (options.dryRun) tokens[token] = { value: `<${token} token>`, header: 'Authorization', scheme: 'Bearer', placeholder: true };
      }
    }
    if (doc.frontmatter.swagger && settings.schemaMode !== 'off') {
      once(`swagger:${doc.file}`, () => swaggerProblem(doc, settings, options.strictSchema));
    }
  }
  return { diagnostics, settings: { ...settings, tokens } };
}

function checkApi(api: string, step: Step, settings: RunSettings, dryRun: boolean): Diagnostic | undefined {
  const target = settings.apis[api];
  if (!target) return errorDiag('unknown-api', `no API named \`${api}\``, step.span, { help: 'configure it under `apis:` in stepdoc.config.yaml' });
  const flag =
    api === 'default'
      ? '--base-url URL or STEPDOC_BASE_URL'
      : api === 'fallback'
        ? '--fallback-url URL or STEPDOC_FALLBACK_URL'
        : `apis.${api} in stepdoc.config.yaml`;
  if (!target.baseUrl) {
    if (dryRun) return undefined; // a dry run shows a placeholder host
    return errorDiag('missing-base-url', `no base URL for the \`${api}\` API, which this step calls`, step.span, { help: `set ${flag}` });
  }
  if (!isHttpUrl(target.baseUrl)) {
    return errorDiag('invalid-base-url', `the base URL of the \`${api}\` API is not an http(s) URL: \`${target.baseUrl}\``, undefined, {
      expected: 'e.g. https://api.example.com',
      help: `set ${flag}`,
    });
  }
  return undefined;
}

function missingToken(token: string, span: Step['span'], dryRun: boolean): Diagnostic {
  const help = `pass --token ${token}=… or set STEPDOC_TOKEN_${token.toUpperCase()}`;
  if (dryRun) return warningDiag('missing-token', `token profile \`${token}\` has no value; the dry run shows a placeholder`, span, { help });
  return errorDiag('missing-token', `token profile \`${token}\` has no value`, span, { help });
}

function swaggerProblem(doc: Doc, settings: RunSettings, strict: boolean): Diagnostic | undefined {
  const found = resolveSwaggerPath(doc.frontmatter.swagger!, settings, doc.frontmatter.keySpans.swagger);
  const diag = found.diagnostics[0];
  if (!diag || !strict || found.file) return diag;
  return { ...diag, severity: 'error', message: diag.message.replace('; the doc runs without schema validation', ' (--schema strict)') };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every request step a run of these graphs may send, with the doc it belongs to (`use:` targets included). */
function requestSteps(graphs: readonly StepGraph[], seen = new Set<StepGraph>()): Array<{ doc: Doc; step: Step }> {
  const out: Array<{ doc: Doc; step: Step }> = [];
  for (const graph of graphs) {
    if (seen.has(graph)) continue;
    seen.add(graph);
    for (const node of graph.nodes) {
      if (node.kind === 'request') out.push({ doc: graph.doc, step: node.step });
      else if (node.target) out.push(...requestSteps([node.target], seen));
    }
  }
  return out;
}
