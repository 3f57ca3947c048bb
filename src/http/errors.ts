import { HttpError } from '../core/errors.js';

/** Where a request was when it failed: before the status line and headers, or reading the body. */
export type FailedPhase = 'headers' | 'body';

export interface FailurePoint {
  phase: FailedPhase;
  /** Body bytes received before the failure. */
  bytes: number;
}

/** undici/network errors → one line a person understands, with a stable code. */
export function describeNetworkError(error: unknown, timeoutMs: number, aborted: boolean, at: FailurePoint = { phase: 'headers', bytes: 0 }): HttpError {
  if (error instanceof HttpError) return error;
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'network';
  if (aborted) return new HttpError('request aborted (run interrupted)', 'aborted', error);
  const reading = `reading the body (${at.bytes} bytes received)`;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new HttpError(`timeout after ${timeoutMs} ms waiting for headers`, 'timeout', error);
    case 'UND_ERR_BODY_TIMEOUT':
      return new HttpError(`timeout after ${timeoutMs} ms ${reading}`, 'timeout', error);
    case 'TimeoutError':
      return new HttpError(`timeout after ${timeoutMs} ms ${at.phase === 'body' ? reading : 'waiting for headers'}`, 'timeout', error);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new HttpError(`timeout after ${Math.min(timeoutMs, 10_000)} ms connecting`, 'timeout', error);
    case 'ECONNREFUSED':
      return new HttpError(`connection refused${where(err)}`, 'connection-refused', error);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new HttpError(`connection reset by the server ${at.phase === 'body' ? `while ${reading}` : 'before it answered'}`, 'connection-reset', error);
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'UND_ERR_INFO':
      return new HttpError(`the server sent an invalid HTTP answer (${err.message ?? code})`, 'protocol', error);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HttpError(`host not found (${err.cause?.message ?? err.message ?? code})`, 'host-not-found', error);
    default:
      return new HttpError(`request failed: ${firstLine(err.message ?? String(error))}`, 'network', error);
  }
}

/** ` (127.0.0.1:4000)` from an ECONNREFUSED error, when it says. */
function where(err: { message?: string; cause?: { message?: string } }): string {
  const match = /(\d{1,3}(?:\.\d{1,3}){3}:\d+|\[[^\]]+\]:\d+)/.exec(err.message ?? err.cause?.message ?? '');
  return match ? ` (${match[1]})` : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
