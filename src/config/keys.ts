/**
 * The keys of stepdoc.config.yaml, documented once (docs/config.md shows examples). The loader
 * rejects unknown keys with a did-you-mean; schema/config.schema.json describes the same shape.
 */
export const CONFIG_KEYS = {
  swaggerRoot: 'folder that doc `swagger:` paths are relative to (default: the project root)',
  apis: 'named API base URLs: `default`, `fallback`, others; a URL or { baseUrl, rateLimit }',
  tokens: 'token profiles: a value, { value, header, scheme } or { oauth2: { tokenUrl, clientId, clientSecret, scope, audience, auth } }; always secret',
  defaultToken: 'token profile of steps whose doc names none (default staff; used only when it has a value)',
  vars: 'template variables; a value or { value, secret: true }',
  params: 'values for `config.params.NAME` in templates',
  secrets: 'extra values to redact from every output',
  onBehalfOf: '{ header, value } sent by steps with x_on_behalf_of',
  headers: 'headers added to every request',
  concurrency: 'docs run at once (default 4)',
  timeoutMs: 'per-request timeout in ms (default 30000)',
  maxBodyBytes: 'responses are cut beyond this size (default 10 MB)',
  retry: '{ attempts, baseDelayMs, maxDelayMs, unsafe } for 429/502/503 and resets',
  rateLimit: '{ requestsPerSecond, maxConcurrent } applied to every API without its own',
  allowDelete: 'allow DELETE steps against non-mock targets',
  schema: 'off | warn | strict: swagger validation of requests and responses',
  includeSkipped: 'run docs whose status is skip/skipped',
  reporters: 'default reporters (console, json, junit, html, github)',
  reportDir: 'where reports are written (default reports/)',
  cookies: 'a cookie jar per doc run (default true); false turns it off',
  redact: '{ keys: [...] } body keys whose values are always secret (added to access_token, refresh_token, id_token, client_secret, password)',
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
