import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Scope } from '../template/render.js';
import { HttpError } from '../core/errors.js';
import type { Doc, Step } from '../core/model.js';
import type { RunSettings } from '../core/settings.js';
import type { CompiledRequest } from '../graph/compiled-step.js';
import { authHeader } from '../http/auth.js';
import type { HttpRequest } from '../http/types.js';
import { buildUrl } from '../http/url.js';
import { renderNode } from '../template/render.js';

/** Renders a compiled request step into the request to send. Throws TemplateError/HttpError. */
export function renderRequest(step: Step, compiled: CompiledRequest, doc: Doc, scope: Scope, settings: RunSettings): HttpRequest {
  const render = (node: CompiledRequest[keyof CompiledRequest]) => (node ? renderNode(node, scope) : undefined);
  const api = step.api ?? (doc.frontmatter.useFallbackApi ? 'fallback' : (doc.frontmatter.api ?? 'default'));
  const target = settings.apis[api];
  if (!target) throw new HttpError(`no API named \`${api}\` (configure it under \`apis:\` in stepdoc.config.yaml)`, 'unknown-api');
  const pathOrUrl = String(render(compiled.url) ?? render(compiled.path) ?? '');
  // A dry run needs no API: an unset base URL shows as a placeholder host instead of failing.
  const base = target.baseUrl ?? (settings.dryRun ? `http://${api}-base-url.invalid` : undefined);
  const url = buildUrl(base, pathOrUrl, render(compiled.params));
  const headers: Record<string, string> = { ...settings.headers };
  const sensitive: string[] = [];
  let oauth2Profile: string | undefined;
  let auth: HttpRequest['auth'];
  const explicit = (render(compiled.token) as string | undefined) ?? doc.frontmatter.tokens[0];
  // Without an explicit profile the default one applies only if it is configured.
  const tokenName = explicit ?? (settings.tokens[settings.defaultToken] ? settings.defaultToken : undefined);
  if (tokenName && tokenName !== 'none') {
    const profile = settings.tokens[tokenName];
    if (!profile) {
      throw new HttpError(
        `token profile \`${tokenName}\` has no value: pass --token ${tokenName}=… or set STEPDOC_TOKEN_${tokenName.toUpperCase()}`,
        'missing-token',
      );
    }
    const scheme = profile.scheme || undefined;
    // An OAuth2 profile's token is fetched and put in just before sending (run/authorize.ts).
    if (profile.oauth2) {
      oauth2Profile = tokenName;
      sensitive.push(profile.header);
      auth = { profile: tokenName, header: profile.header, scheme };
    }
    const header = profile.oauth2 ? undefined : authHeader(profile);
    if (header) {
      headers[header[0]] = header[1];
      sensitive.push(header[0]);
      auth = { profile: tokenName, header: header[0], scheme };
    }
    Object.assign(headers, profile.headers);
  }
  if (step.xOnBehalfOf) {
    const value = typeof step.xOnBehalfOf === 'string' ? step.xOnBehalfOf : (settings.onBehalfOf.value ?? String(settings.vars.business_id ?? ''));
    if (value) headers[settings.onBehalfOf.header] = value;
  }
  const own = stringMap(render(compiled.headers));
  // The step's own header wins over the profile's, whatever its case (one header sent, not two), and
  // copy as curl shows that one.
  for (const name of Object.keys(own)) for (const k of Object.keys(headers)) if (k !== name && k.toLowerCase() === name.toLowerCase()) delete headers[k];
  Object.assign(headers, own);
  if (auth && Object.keys(own).some((h) => h.toLowerCase() === auth?.header.toLowerCase())) {
    auth = undefined;
    oauth2Profile = undefined;
  }
  const operationPath = /^https?:\/\//i.test(pathOrUrl) ? new URL(url).pathname : pathOrUrl.split('?')[0];
  const request: HttpRequest = { method: step.method, url, operationPath, headers, bodyKind: 'none', api, sensitiveHeaders: sensitive, baseUrl: base, auth };
  if (settings.mock && doc.frontmatter.swagger) request.specHint = doc.frontmatter.swagger;
  if (oauth2Profile) request.oauth2Profile = oauth2Profile;
  if (step.bodyKind === 'json' && step.body !== undefined) Object.assign(request, { bodyKind: 'json', body: render(compiled.body) });
  if (step.bodyKind === 'form') Object.assign(request, { bodyKind: 'form', body: render(compiled.formFields) ?? render(compiled.body) });
  if (step.bodyKind === 'multipart') {
    const paths = (render(compiled.filePaths) as string[] | undefined) ?? [];
    request.bodyKind = 'multipart';
    request.body = render(compiled.formFields) ?? render(compiled.body);
    request.files = (step.fileFields ?? []).map((f, i) => ({
      fieldName: f.fieldName,
      path: resolveFile(String(paths[i]), doc, settings),
      fileName: f.fileName,
      contentType: f.contentType,
    }));
  }
  return request;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/**
 * Files of multipart steps: relative to the doc's folder, then the project root, then its test-files/, then
 * the test-files/ folder of any folder above the doc (vcita keeps them in api-validation/test-files/, beside
 * the workflows/ tree).
 */
function resolveFile(path: string, doc: Doc, settings: RunSettings): string {
  if (isAbsolute(path)) return path;
  const candidates = [resolve(dirname(doc.file), path), resolve(settings.rootDir, path), resolve(settings.rootDir, 'test-files', path)];
  for (let dir = dirname(doc.file); dirname(dir) !== dir; dir = dirname(dir)) candidates.push(resolve(dir, 'test-files', path));
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}
