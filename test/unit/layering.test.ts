import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

/** DESIGN §6: core → doc/graph/template/http/openapi/checks → run, mock, record, report, config, lint → cli. */
const LAYER: Record<string, number> = {
  core: 0,
  doc: 1,
  graph: 1,
  template: 1,
  http: 1,
  openapi: 1,
  checks: 1,
  run: 2,
  mock: 2,
  record: 2,
  report: 2,
  config: 2,
  lint: 2,
  scaffold: 2,
  import: 2,
  app: 3,
  ui: 4,
  cli: 5,
  '.': 5,
};

const SRC = resolve(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Static and dynamic relative imports of a file, resolved to .ts paths under src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

function folderOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0] : '.';
}

const files = sourceFiles(SRC);
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

describe('module layering', () => {
  it('knows every folder of src', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((f) => !(f in LAYER));
    expect(unknown).toEqual([]);
  });

  it('never imports a higher layer, and nothing imports cli', () => {
    const violations = edges
      .filter(({ from, to }) => {
        const a = folderOf(from);
        const b = folderOf(to);
        if (b === 'cli' && a !== 'cli') return true;
        return LAYER[b] > LAYER[a];
      })
      .map(({ from, to }) => `${relative(SRC, from)} → ${relative(SRC, to)}`);
    expect(violations).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(findCycle(files, (f) => importsOf(f).filter((t) => files.includes(t)))).toBeUndefined();
  });

  it('has no import cycle between folders', () => {
    const folders = [...new Set(files.map(folderOf))];
    const next = (folder: string) => [...new Set(edges.filter((e) => folderOf(e.from) === folder && folderOf(e.to) !== folder).map((e) => folderOf(e.to)))];
    expect(findCycle(folders, next)).toBeUndefined();
  });

  it('keeps source files under 400 lines', () => {
    const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map((f) => relative(SRC, f));
    expect(long).toEqual([]);
  });
});

function findCycle(nodes: string[], next: (n: string) => string[]): string | undefined {
  const state = new Map<string, number>();
  const stack: string[] = [];
  const visit = (n: string): string | undefined => {
    if (state.get(n) === 2) return undefined;
    if (state.get(n) === 1) return [...stack.slice(stack.indexOf(n)), n].map((x) => relative(SRC, x) || x).join(' → ');
    state.set(n, 1);
    stack.push(n);
    for (const m of next(n)) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of nodes) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}
