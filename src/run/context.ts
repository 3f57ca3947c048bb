import type { Doc } from '../core/model.js';
import type { Redactor } from '../core/redact.js';
import type { RunListener } from '../core/result.js';
import type { RunSettings } from '../core/settings.js';
import type { DocValidation } from '../core/validation.js';
import type { HttpClient } from '../http/client.js';
import type { DocCookieJar } from '../http/cookie-jar.js';
import type { OAuth2Tokens } from '../http/oauth2.js';

/** What every step of one doc run shares. Variables grow as steps extract. */
export interface DocRunContext {
  settings: RunSettings;
  client: HttpClient;
  redactor: Redactor;
  emit: RunListener;
  signal: AbortSignal;
  /** Teardown steps send on this one: it aborts a grace period after `signal` (interrupt → cleanup still runs). */
  teardownSignal?: AbortSignal;
  /** The doc whose run this is (used docs run inside it). */
  rootDoc: Doc;
  variables: Record<string, unknown>;
  /** Display paths of docs executed through `use:`, once per execution. */
  usedDocs: string[];
  validation?: (doc: Doc) => Promise<DocValidation | undefined>;
  /** The run's OAuth2 tokens (shared by every doc); absent when no profile uses oauth2. */
  tokens?: OAuth2Tokens;
  /** This doc run's cookie jar, shared with the docs it `use:`s. */
  cookies?: DocCookieJar;
}

/** Per-doc values a step needs from the doc it belongs to (the used doc for `use:` steps). */
export interface StepOwner {
  doc: Doc;
  /** Set when the step runs through `use:`. */
  fromDoc?: string;
  validation?: DocValidation;
}
