import type { Doc } from '../core/model.js';
import type { RunSettings } from '../core/settings.js';

/** --tag (any of), --domain (any of), --grep (path, title or endpoint). */
export function matchesFilters(doc: Doc, filters: RunSettings['filters'], grep?: RegExp): boolean {
  const fm = doc.frontmatter;
  if (filters.tags.length && !filters.tags.some((t) => fm.tags.includes(t))) return false;
  if (filters.domains.length && !filters.domains.includes(fm.domain ?? '')) return false;
  if (grep) {
    const text = `${doc.displayPath}\n${doc.title ?? ''}\n${fm.endpoint ? `${fm.endpoint.method} ${fm.endpoint.path}` : ''}`;
    if (!grep.test(text)) return false;
  }
  return true;
}

/** Docs whose status says not to run them, and why. */
export function statusSkipReason(doc: Doc, includeSkipped: boolean): string | undefined {
  const { status, rawStatus, skipReason } = doc.frontmatter;
  if (includeSkipped) return undefined;
  if (status === 'skipped') return skipReason ?? `status: ${rawStatus}`;
  if (status === 'deprecated') return 'status: deprecated';
  return undefined;
}
