import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FormData } from 'undici';
import { HttpError } from '../core/errors.js';
import { undiciFormData } from './undici-lite.js';
import type { HttpRequest } from './types.js';

export interface EncodedBody {
  body?: string | FormData;
  contentType?: string;
}

/** JSON by default; urlencoded form; multipart with files read from disk. */
export async function encodeBody(request: HttpRequest): Promise<EncodedBody> {
  switch (request.bodyKind) {
    case 'none':
      return {};
    case 'json':
      if (request.body === undefined) return {};
      return { body: toJson(request.body), contentType: 'application/json' };
    case 'form': {
      const params = new URLSearchParams();
      for (const [k, v] of fields(request.body)) params.append(k, v);
      return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart':
      return { body: await multipart(request) };
  }
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new HttpError(`the body cannot be sent as JSON: ${(error as Error).message}`, 'body-not-serialisable');
  }
}

function fields(body: unknown): Array<[string, string]> {
  if (!body || typeof body !== 'object') return [];
  return Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)]);
}

async function multipart(request: HttpRequest): Promise<FormData> {
  // Only multipart needs undici's FormData; loaded on first use.
  const FormData = undiciFormData();
  const form = new FormData();
  for (const [k, v] of fields(request.body)) form.append(k, v);
  for (const file of request.files ?? []) {
    let data: Buffer;
    try {
      data = await readFile(file.path);
    } catch {
      throw new HttpError(`cannot read file \`${file.path}\` for field \`${file.fieldName}\``, 'file-not-found');
    }
    form.append(file.fieldName, new Blob([data], { type: file.contentType ?? 'application/octet-stream' }), file.fileName ?? basename(file.path));
  }
  return form;
}
