import type { TokenProfile } from '../core/settings.js';

/** The header a token profile sends, e.g. `Authorization: Bearer …`. `none` sends nothing. */
export function authHeader(profile: TokenProfile | undefined): [string, string] | undefined {
  if (!profile || profile.value === '') return undefined;
  return [profile.header, profile.scheme ? `${profile.scheme} ${profile.value}` : profile.value];
}
