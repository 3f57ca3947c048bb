import type { CookieJar } from 'tough-cookie';
import type { CookieStore } from './types.js';

/**
 * The cookie jar of one doc run (shared with the docs it `use:`s). Matching by domain, path, expiry
 * and Secure is tough-cookie's (RFC 6265), not ours. Secure cookies go over https only, loopback
 * included: a test against http://127.0.0.1 must see what production over http would.
 * tough-cookie loads on the first Set-Cookie: a run whose APIs set none never loads it.
 */
export class DocCookieJar implements CookieStore {
  private jar?: Promise<CookieJar>;

  /** `onValue` sees each cookie value a server sets (the runner makes long ones secrets). */
  constructor(private readonly onValue?: (value: string) => void) {}

  async header(url: string): Promise<string | undefined> {
    if (!this.jar) return undefined;
    const text = await (await this.jar).getCookieString(url);
    return text || undefined;
  }

  async store(url: string, setCookies: readonly string[]): Promise<void> {
    this.jar ??= import('tough-cookie').then(({ CookieJar }) => new CookieJar(undefined, { allowSecureOnLocal: false, rejectPublicSuffixes: true }));
    const jar = await this.jar;
    // A malformed or foreign-domain Set-Cookie is dropped, as a browser drops it; it never fails the step.
    for (const text of setCookies) {
      const value = /^[^=;]*=([^;]*)/.exec(text)?.[1]?.trim();
      if (value) this.onValue?.(value);
      await jar.setCookie(text, url, { ignoreError: true });
    }
  }
}
