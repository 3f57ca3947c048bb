import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Doc } from '../core/model.js';
import { parseDoc } from './parse.js';

/** Display paths are relative to the project root, with `/`, so reports travel between machines. */
export function displayPathOf(file: string, rootDir: string): string {
  const rel = relative(rootDir, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/**
 * Whether a Markdown file found by walking a folder is an endpoint doc: it opens with frontmatter,
 * or it has steps and an endpoint. READMEs and templates are not (files named explicitly always are).
 */
export function isEndpointDoc(doc: Doc): boolean {
  return doc.source.startsWith('---') || (doc.steps.length > 0 && doc.frontmatter.endpoint !== undefined);
}

/**
 * Reads and parses docs once per run; `use:` targets come from the same cache.
 *
 * Reads are synchronous on purpose: docs are read in one batch before anything is sent, parsing
 * them is synchronous CPU work anyway, and an asynchronous read is four thread-pool round trips
 * (open, stat, read, close) — 250 docs prepared in 110–140 ms this way, 170–180 ms with reads in flight.
 */
export class DocCache {
  private readonly docs = new Map<string, Doc>();

  constructor(private readonly rootDir: string) {}

  /** A doc; throws the file system's error when it cannot be read. */
  load(file: string): Doc {
    const cached = this.docs.get(file);
    if (cached) return cached;
    const doc = parseDoc(readFileSync(file, 'utf8'), file, displayPathOf(file, this.rootDir));
    this.docs.set(file, doc);
    return doc;
  }

  /** The doc a `use:` names: relative to the using doc's folder, then to the project root. */
  resolveUse(from: Doc, target: string): Doc | undefined {
    for (const candidate of [resolve(dirname(from.file), target), resolve(this.rootDir, target)]) {
      const doc = this.loadSync(candidate);
      if (doc) return doc;
    }
    return undefined;
  }

  /** Synchronous for graph building (used docs are few and small). Undefined when unreadable. */
  loadSync(file: string): Doc | undefined {
    const cached = this.docs.get(file);
    if (cached) return cached;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const doc = parseDoc(text, file, displayPathOf(file, this.rootDir));
    this.docs.set(file, doc);
    return doc;
  }

  all(): Doc[] {
    return [...this.docs.values()];
  }
}
