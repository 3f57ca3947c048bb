import type { Doc } from '../core/model.js';
import type { DocResult } from '../core/result.js';

/** What every result of a doc says about the doc itself (from its frontmatter). */
export function docIdentity(doc: Doc): Pick<DocResult, 'file' | 'displayPath' | 'title' | 'endpoint' | 'domain' | 'tags'> {
  const fm = doc.frontmatter;
  return {
    file: doc.file,
    displayPath: doc.displayPath,
    title: doc.title,
    endpoint: fm.endpoint ? `${fm.endpoint.method} ${fm.endpoint.path}` : undefined,
    domain: fm.domain,
    tags: fm.tags,
  };
}

/** A doc that was not executed: skipped by its status, or never started (`not-run`), with the reason. */
export function docNotExecuted(doc: Doc, status: 'skipped' | 'not-run', reason: string): DocResult {
  const now = new Date().toISOString();
  return { ...docIdentity(doc), status, skipReason: reason, steps: [], usedDocs: [], diagnostics: [], startedAt: now, finishedAt: now, durationMs: 0 };
}
