import { describe, expect, it } from 'vitest';
import { parse } from 'shell-quote';
import type { RenderedRequest } from '../../src/core/result.js';
import { curlCommand } from '../../src/http/curl.js';

const words = (command: string) => parse(command.replace(/\\\n/g, ' '), (name) => `$${name}`);

describe('copy as curl', () => {
  it('names the fallback base and a token with its scheme by their variables, never values', () => {
    const request: RenderedRequest = {
      method: 'DELETE',
      url: 'https://legacy.example.com/api/v1/cards/c-1?force=true',
      headers: { 'X-Api-Key': '***', Authorization: 'Token ***' },
      bodyKind: 'none',
      api: { name: 'fallback', baseUrl: 'https://legacy.example.com/api/' },
      auth: { profile: 'app-admin', header: 'Authorization', scheme: 'Token' },
    };
    const command = curlCommand(request);
    expect(words(command)).toEqual([
      'curl',
      '-X',
      'DELETE',
      '$STEPDOC_FALLBACK_URL/v1/cards/c-1?force=true',
      '-H',
      'X-Api-Key: ***',
      '-H',
      'Authorization: Token $STEPDOC_TOKEN_APP_ADMIN',
    ]);
  });

  it('keeps the URL of a named API literal, and quotes a body with a single quote in it', () => {
    const request: RenderedRequest = {
      method: 'POST',
      url: 'http://127.0.0.1:9/v1/notes',
      headers: {},
      body: { text: "it's $HOME" },
      bodyKind: 'json',
      api: { name: 'notes', baseUrl: 'http://127.0.0.1:9' },
    };
    expect(words(curlCommand(request))).toEqual([
      'curl',
      '-X',
      'POST',
      'http://127.0.0.1:9/v1/notes',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      '{"text":"it\'s $HOME"}',
    ]);
  });

  it('writes form fields as --data-urlencode and multipart parts as -F', () => {
    const form: RenderedRequest = {
      method: 'POST',
      url: 'http://h/a',
      headers: {},
      body: { a: 'x y', tags: ['1', '2'] },
      bodyKind: 'form',
    };
    expect(words(curlCommand(form)).slice(4)).toEqual(['--data-urlencode', 'a=x y', '--data-urlencode', 'tags=1', '--data-urlencode', 'tags=2']);
    const multipart: RenderedRequest = {
      method: 'POST',
      url: 'http://h/a',
      headers: {},
      body: { fields: { t: 'T' }, files: ['file: /tmp/a.pdf'] },
      bodyKind: 'multipart',
    };
    expect(words(curlCommand(multipart)).slice(4)).toEqual(['-F', 't=T', '-F', 'file=@/tmp/a.pdf']);
  });
});
