import type { Doc } from '../core/model.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { sendRefreshing, withToken } from '../http/oauth2.js';
import type { SendOptions } from '../http/client.js';
import { asBoolean } from '../doc/values.js';
import type { DocRunContext } from './context.js';

/** A request ready to send and the OAuth2 token it carries, if any (a 401 refreshes exactly that one). */
export interface Authorized {
  request: HttpRequest;
  token?: string;
}

/**
 * Puts the OAuth2 profile's token on the request: fetched (or taken from the run's cache) now, so
 * the request in the report shows the header as sent (`Bearer ***`). A dry run sends nothing and
 * fetches nothing: the header holds a placeholder. A token endpoint failure throws a
 * TokenEndpointError naming the profile: the step fails with it.
 */
export async function authorize(request: HttpRequest, ctx: DocRunContext): Promise<Authorized> {
  const name = request.oauth2Profile;
  const profile = name ? ctx.settings.tokens[name] : undefined;
  if (!name || !profile?.oauth2) return { request };
  if (ctx.settings.dryRun || !ctx.tokens) return { request: withToken(request, profile, `<${name} token>`) };
  const token = await ctx.tokens.token(name, profile.oauth2, ctx.signal);
  return { request: withToken(request, profile, token), token };
}

/** One send of the step: through the doc's cookie jar, and with a token refresh on a 401 it does not expect. */
export function sendAuthorized(authorized: Authorized, ctx: DocRunContext, owner: Doc, options: SendOptions & { accepts401: boolean }): Promise<HttpResponse> {
  const { request, token } = authorized;
  const send = (r: HttpRequest) => ctx.client.send(r, ctx.signal, { followRedirects: options.followRedirects, cookies: cookieJarFor(owner, ctx) });
  const profile = request.oauth2Profile ? ctx.settings.tokens[request.oauth2Profile] : undefined;
  if (!token || !profile || !ctx.tokens || options.accepts401) return send(request);
  return sendRefreshing(ctx.tokens, request, profile, token, send, ctx.signal);
}

/** The doc run's jar, unless the step's own doc (`cookies: false`) or the config turns it off. */
export function cookieJarFor(doc: Doc, ctx: DocRunContext): DocRunContext['cookies'] {
  const own = asBoolean(doc.frontmatter.raw.cookies);
  return (own ?? ctx.settings.cookies ?? true) ? ctx.cookies : undefined;
}
