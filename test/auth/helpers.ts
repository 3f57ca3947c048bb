import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendJson, startServer, type RecordedRequest, type TestServer } from '../support/http-server.js';

/** A doc with one Test Request block; `steps` is the YAML under `steps:` (indented by two). */
export function doc(steps: string, frontmatter = ''): string {
  return `---\nendpoint: "GET /things"\ndomain: auth\nstatus: verified\n${frontmatter}---\n\n# Auth\n\n## Test Request\n\n\`\`\`yaml\nsteps:\n${steps}\`\`\`\n`;
}

export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdoc-auth-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface TokenServerState {
  /** Token requests answered so far. */
  calls: number;
  /** `expires_in` of the tokens handed out (undefined: none given). */
  expiresIn?: number;
  /** Answer 401 to Basic client auth (the client must send client_id/client_secret in the body). */
  refuseBasic: boolean;
  /** Answer every token request with this status and an OAuth2 error. */
  failWith?: number;
  /** Hold each answer this long, so concurrent docs overlap with the request in flight. */
  delayMs: number;
}

export interface OAuthServer extends TestServer {
  state: TokenServerState;
  /** Token → when it stops being valid (ms epoch; Infinity without expires_in). */
  issued: Map<string, number>;
  /** Tokens the API refuses once (as if revoked), then forgets. */
  revokeOnce: Set<string>;
  reset(state?: Partial<TokenServerState>): void;
}

export const CLIENT = { id: 'stepdoc-client', secret: 'cl-secret-Q9w8E7r6' };

/**
 * One server with both sides: POST /oauth/token (client credentials, counting calls) and the API
 * (`/api/*`), which accepts only a current token and echoes what it was sent.
 */
export async function startOAuthServer(): Promise<OAuthServer> {
  const state: TokenServerState = { calls: 0, refuseBasic: false, delayMs: 0 };
  const issued = new Map<string, number>();
  const revokeOnce = new Set<string>();
  let serial = 0;
  const server = await startServer(async (req, res) => {
    if (req.path === '/oauth/token') return tokenEndpoint(req, res);
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const until = token ? issued.get(token) : undefined;
    if (!token || until === undefined || Date.now() >= until) return sendJson(res, 401, { error: 'invalid_token' });
    if (revokeOnce.delete(token)) return sendJson(res, 401, { error: 'invalid_token', error_description: 'revoked' });
    sendJson(res, 200, { ok: true, token });
  });
  async function tokenEndpoint(req: RecordedRequest, res: ServerResponse) {
    state.calls++;
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    if (state.failWith) return sendJson(res, state.failWith, { error: 'invalid_client', error_description: 'client authentication failed' });
    const form = new URLSearchParams(req.body);
    const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [form.get('client_id'), form.get('client_secret')];
    if (form.get('grant_type') !== 'client_credentials') return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if ((basic && state.refuseBasic) || id !== CLIENT.id || secret !== CLIENT.secret) return sendJson(res, 401, { error: 'invalid_client' });
    const token = `tok-${++serial}-${Math.random().toString(36).slice(2, 10)}`;
    issued.set(token, state.expiresIn === undefined ? Infinity : Date.now() + state.expiresIn * 1000);
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', ...(state.expiresIn === undefined ? {} : { expires_in: state.expiresIn }) });
  }
  return {
    ...server,
    state,
    issued,
    revokeOnce,
    reset(next = {}) {
      Object.assign(state, { calls: 0, expiresIn: 3600, refuseBasic: false, failWith: undefined, delayMs: 0 }, next);
      server.requests.length = 0;
      revokeOnce.clear();
    },
  };
}

/** A stepdoc.config.yaml with the `partner` OAuth2 profile pointing at `url`. */
export function oauthConfig(url: string, extra: { auth?: string; more?: string } = {}): string {
  return [
    'tokens:',
    '  partner:',
    '    oauth2:',
    `      tokenUrl: ${url}/oauth/token`,
    `      clientId: ${CLIENT.id}`,
    '      clientSecret: "${PARTNER_SECRET}"',
    '      scope: "read write"',
    '      audience: https://api.example.test',
    ...(extra.auth ? [`      auth: ${extra.auth}`] : []),
    ...(extra.more ? [extra.more] : []),
    '',
  ].join('\n');
}

export const ENV = { PARTNER_SECRET: CLIENT.secret };
