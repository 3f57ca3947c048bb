import { HttpError } from '../core/errors.js';

/** undici/network errors → one line a person understands, with a stable code. */
export function describeNetworkError(error: unknown, timeoutMs: number, aborted: boolean): HttpError {
  if (error instanceof HttpError) return error;
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? err.name ?? 'network';
  if (aborted) return new HttpError('request aborted (run interrupted)', 'aborted', error);
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new HttpError(`timeout after ${timeoutMs} ms waiting for headers`, 'timeout', error);
    case 'UND_ERR_BODY_TIMEOUT':
      return new HttpError(`timeout after ${timeoutMs} ms waiting for the body`, 'timeout', error);
    case 'TimeoutError':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new HttpError(`timeout after ${timeoutMs} ms`, 'timeout', error);
    case 'ECONNREFUSED':
      return new HttpError('connection refused', 'connection-refused', error);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new HttpError('connection reset by the server', 'connection-reset', error);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HttpError(`host not found (${err.cause?.message ?? err.message ?? code})`, 'host-not-found', error);
    default:
      return new HttpError(`request failed: ${err.message ?? String(error)}`, 'network', error);
  }
}
