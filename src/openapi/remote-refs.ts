import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Remote `$ref` URL prefixes → absolute local folders (config `remoteRefs`). */
export type RemoteRefMap = Readonly<Record<string, string>>;

/** A resolver in the shape @apidevtools/json-schema-ref-parser takes under `resolve:`. */
export interface RefResolver {
  order: number;
  canRead: (file: { url: string }) => boolean;
  read: (file: { url: string }) => Promise<string>;
}

export function isRemoteUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(location) && !location.startsWith('file:') && !/^[a-z]:[\\/]/i.test(location);
}

/**
 * The resolver that serves mapped remote refs from local folders (vcita's specs point at
 * `https://vcita.github.io/developers-hub/entities/…`, which publishes the repository's `entities/`).
 * Longest prefix wins; a URL outside every prefix, or one that climbs out of its folder, is not readable.
 */
export function remoteRefResolver(map: RemoteRefMap): RefResolver & { localPath(url: string): string | undefined } {
  const prefixes = Object.keys(map).sort((a, b) => b.length - a.length);
  const localPath = (url: string): string | undefined => {
    const bare = url.split('#')[0];
    const prefix = prefixes.find((p) => bare.startsWith(p));
    if (prefix === undefined) return undefined;
    const folder = map[prefix];
    let rest = bare.slice(prefix.length);
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // keep as written
    }
    const file = path.resolve(folder, rest);
    return file === folder || file.startsWith(folder + path.sep) ? file : undefined;
  };
  return {
    order: 1,
    localPath,
    canRead: (file) => localPath(file.url) !== undefined,
    read: (file) => readFile(localPath(file.url)!, 'utf8'),
  };
}
