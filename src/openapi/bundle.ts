import { pathToFileURL, fileURLToPath } from 'node:url';
import { warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { PreparedRefs } from './refs.js';

/**
 * Turns a spec split over several local files into one document whose `$ref`s are all internal
 * (`#/…`), with @apidevtools/json-schema-ref-parser. Files come from the already-checked set,
 * never from disk or network again. A failure keeps the root as it is, with a warning.
 */
export async function bundleFiles(rootFile: string, prepared: PreparedRefs): Promise<{ doc: unknown; warnings: Diagnostic[] }> {
  const root = prepared.files.get(rootFile);
  if (!prepared.crossFile) return { doc: root, warnings: [] };
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  // Mapped remote files are kept by URL (see refs.ts), local ones by path.
  const read = (file: { url: string }): unknown => prepared.files.get(file.url) ?? prepared.files.get(toPath(file.url)) ?? {};
  try {
    const parser = new $RefParser();
    const doc = await parser.bundle(
      rootFile,
      structuredClone(root) as object,
      {
        resolve: {
          external: true,
          http: false,
          file: false,
          stepdoc: { order: 1, canRead: true, read },
        },
      } as never,
    );
    return { doc, warnings: [] };
  } catch (error) {
    const message = `could not bundle the files of ${rootFile}: ${(error as Error).message}`;
    return { doc: root, warnings: [warningDiag('spec-bundle-failed', message)] };
  }
}

function toPath(url: string): string {
  if (url.startsWith('file:')) return fileURLToPath(url);
  try {
    return fileURLToPath(pathToFileURL(decodeURI(url)));
  } catch {
    return url;
  }
}
