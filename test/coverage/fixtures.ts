import { parseDoc } from '../../src/doc/parse.js';
import type { Doc } from '../../src/core/model.js';
import type { LoadedSpec, Operation } from '../../src/openapi/model.js';

/** Ages in these tests are computed against this instant. */
export const NOW = new Date('2026-12-01T12:00:00.000Z');

export function operation(method: string, path: string, prefixes: string[] = ['/v1', '']): Operation {
  return { method, path, prefixes, parameters: [], responses: {}, extensions: {} };
}

/** A spec object as loadSpec returns it, built in memory: the computation never reads files. */
export function spec(operations: Operation[], title = 'Pets'): LoadedSpec {
  return { file: '/project/swagger/pets.json', version: '3.0', title, operations, warnings: [], document: {} };
}

/** A doc parsed from frontmatter lines; the body is one heading, no steps (coverage reads frontmatter only). */
export function doc(displayPath: string, frontmatter: Record<string, string | undefined>): Doc {
  const lines = Object.entries(frontmatter).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return parseDoc(`---\n${lines.join('\n')}\n---\n\n# ${displayPath}\n`, `/project/${displayPath}`, displayPath);
}

/** Strips ANSI colour codes. */
export function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
