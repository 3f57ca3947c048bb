import { json, type Reply } from '../http.js';

/** The sales platform's error envelope: `{ status: "Error", error, error_code }`. */
export function salesError(status: number, errorCode: string, message: string): Reply {
  return json(status, { status: 'Error', error: message, error_code: errorCode });
}

export function salesOk(status: number, data: unknown): Reply {
  return json(status, { data, status: 'OK' });
}
