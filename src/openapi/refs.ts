import path from 'node:path';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import { hasPointer } from './json-pointer.js';
import { parseSpecText, readSpecFile } from './read-file.js';
import { isRemoteUrl, remoteRefResolver, type RefResolver, type RemoteRefMap } from './remote-refs.js';
import { isObject, type JsonObject } from './util.js';

/** Marker left where a `$ref` could not be followed: the part then accepts anything. */
export const UNRESOLVED_KEY = 'x-stepdoc-unresolved-ref';

export interface PreparedRefs {
  /** Every file reached through `$ref`, parsed, by absolute path (the root included) or, for mapped remote refs, by URL. */
  files: Map<string, unknown>;
  /** True when some `$ref` points into another local file (then the spec needs bundling). */
  crossFile: boolean;
  warnings: Diagnostic[];
}

/**
 * Walks the root file and every file it references, before any library sees them: remote refs
 * (`https://…`) are never fetched (stepdoc makes no traffic of its own) — those under a `remoteRefs`
 * prefix are read from their local folder through the same resolver the bundler is given — and refs
 * that do not resolve are cut, each with a warning, so the bundler afterwards cannot fail on them.
 */
export async function prepareRefs(rootFile: string, rootDoc: unknown, remoteRefs: RemoteRefMap = {}): Promise<PreparedRefs> {
  const state: PreparedRefs = { files: new Map([[rootFile, rootDoc]]), crossFile: false, warnings: [] };
  const resolver = remoteRefResolver(remoteRefs);
  const remote = new Set<string>();
  const queue: string[] = [rootFile];
  const crawled = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (crawled.has(file)) continue;
    crawled.add(file);
    const refs: JsonObject[] = [];
    collectRefs(state.files.get(file), refs);
    for (const node of refs) {
      const target = await checkRef(node, file, state, remote, resolver);
      if (target !== undefined && !crawled.has(target)) queue.push(target);
    }
  }
  if (remote.size > 0) state.warnings.push(remoteWarning(rootFile, [...remote]));
  return state;
}

function collectRefs(node: unknown, out: JsonObject[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (isObject(node)) {
    if (typeof node.$ref === 'string') out.push(node);
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') collectRefs(value, out);
  }
}

/** Checks one `$ref`; returns the local file it leads to when that file still has to be crawled. */
async function checkRef(node: JsonObject, file: string, state: PreparedRefs, remote: Set<string>, resolver: RefResolver): Promise<string | undefined> {
  const ref = node.$ref as string;
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash);
  const target = filePart === '' ? file : locate(file, filePart);
  if (isRemoteUrl(target) && !resolver.canRead({ url: target })) {
    remote.add(target);
    cut(node, ref);
    return undefined;
  }
  const doc = await loadTarget(target, state, resolver);
  if (doc === undefined) {
    const name = isRemoteUrl(target) ? target : path.basename(target);
    state.warnings.push(brokenRef(file, ref, `file ${name} cannot be read`));
    cut(node, ref);
    return undefined;
  }
  if (!hasPointer(doc, fragment)) {
    state.warnings.push(brokenRef(file, ref, 'nothing exists at that pointer'));
    cut(node, ref);
    return undefined;
  }
  if (target !== file) state.crossFile = true;
  return target;
}

/** Where a ref's file part points: a URL (absolute, or relative inside a remote file) or a local path. */
function locate(file: string, filePart: string): string {
  if (isRemoteUrl(filePart)) return filePart;
  if (isRemoteUrl(file)) return new URL(filePart, file).href;
  return resolveLocal(file, filePart);
}

function resolveLocal(file: string, filePart: string): string {
  const clean = filePart.startsWith('file:') ? new URL(filePart).pathname : filePart;
  let decoded = clean;
  try {
    decoded = decodeURI(clean);
  } catch {
    // keep as written
  }
  return path.resolve(path.dirname(file), decoded);
}

async function loadTarget(target: string, state: PreparedRefs, resolver: RefResolver): Promise<unknown> {
  if (state.files.has(target)) return state.files.get(target);
  try {
    const doc = isRemoteUrl(target) ? await parseSpecText(await resolver.read({ url: target }), target) : await readSpecFile(target);
    state.files.set(target, doc);
    return doc;
  } catch {
    state.files.set(target, undefined);
    return undefined;
  }
}

function cut(node: JsonObject, ref: string): void {
  delete node.$ref;
  node[UNRESOLVED_KEY] = ref;
}

function brokenRef(file: string, ref: string, why: string): Diagnostic {
  return warningDiag('spec-broken-ref', `${path.basename(file)}: \`$ref: ${ref}\` does not resolve (${why}); that part is not validated`);
}

function remoteWarning(file: string, urls: string[]): Diagnostic {
  const shown = urls.slice(0, 3).join(', ') + (urls.length > 3 ? `, … (${urls.length - 3} more)` : '');
  return warningDiag(
    'spec-remote-ref',
    `${path.basename(file)}: ${urls.length} remote $ref target(s) not fetched (${shown}); those parts accept anything`,
    undefined,
    { help: 'map the URL prefix to a local folder with config `remoteRefs`, e.g. { "https://host/entities/": entities/ }' },
  );
}
