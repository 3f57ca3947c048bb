import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { liteToJS, parseLiteYaml, setLiteYamlEnabled } from '../../src/doc/lite-yaml.js';
import { parseDoc } from '../../src/doc/parse.js';
import { REPO_ROOT, SHARED } from '../support/cli.js';

function markdownFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

const DOCS = [
  ...markdownFiles(resolve(SHARED, 'corpus/vcita/workflows')),
  ...markdownFiles(resolve(REPO_ROOT, 'scenarios')),
  ...markdownFiles(resolve(REPO_ROOT, 'test/fixtures/lint')),
];

/** The parts of a Doc that come from YAML (diagnostics included), comparable with toEqual. */
function yamlFacts(text: string, file: string) {
  const doc = parseDoc(text, file);
  return { frontmatter: doc.frontmatter, steps: doc.steps, diagnostics: doc.diagnostics };
}

afterEach(() => setLiteYamlEnabled(true));

describe('the fast YAML reader', () => {
  it('gives the same Doc as the yaml library on every real, scenario and fixture doc', () => {
    expect(DOCS.length).toBeGreaterThan(200);
    let fast = 0;
    for (const file of DOCS) {
      const text = readFileSync(file, 'utf8');
      const withLite = yamlFacts(text, file);
      setLiteYamlEnabled(false);
      const withLibrary = yamlFacts(text, file);
      setLiteYamlEnabled(true);
      expect(withLite, file).toEqual(withLibrary);
      if (parseLiteYaml(text.split('```yaml\n')[1]?.split('```')[0] ?? '') !== undefined) fast++;
    }
    // The point of the reader: most real blocks take the fast path.
    expect(fast / DOCS.length).toBeGreaterThan(0.8);
  });

  it.each([
    ['a: 1\nb: [x, "y", 2.5]\nc: { d: true, e: ~ }\n'],
    ['steps:\n- id: a\n  path: "/x?y=1#z"\n- id: b\n'],
    ["k: \"esc \\\" \\\\ \\u00e9\"\nq: 'it''s'\n"],
    ['n: [0x1F, 0o17, 1e3, .5, +1, -0, .inf, -.INF, 010, 1_000, 12:30, 2026-01-01, True, NULL, 1.]\n'],
    ['url: http://a.b/c:d\nh: "#not-comment" # comment\n'],
    ['a:\n  - x\n  -\n    y: 1\n'],
  ])('reads %j like the yaml library', (text) => {
    const lite = parseLiteYaml(text);
    expect(lite).toBeDefined();
    expect(liteToJS(lite!)).toEqual(parse(text));
  });

  it.each([
    ['a: &x 1\nb: *x\n'],
    ['a: |\n  text\n'],
    ['a: b\n  c\n'],
    ['a:\n'],
    ['a: 1\na: 2\n'],
    ['a: "x\n  y"\n'],
    ['a: b: c\n'],
    ['? a\n: 1\n'],
    ['a: !tag x\n'],
  ])('leaves %j to the yaml library', (text) => {
    expect(parseLiteYaml(text)).toBeUndefined();
  });

  it('agrees with the yaml library on generated mappings of scalars and flow lists', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[a-zA-Z_$.][a-zA-Z0-9_ .:/{}-]{0,12}$/),
      fc.integer().map(String),
      fc.constantFrom('true', 'False', 'null', '~', '.5', '1e3', '0x1F', '-0', "'q''d'", '"d\\"q"', '[]', '{}', '[a, 1]', '{ a: 1 }'),
    );
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const mapping = fc.uniqueArray(fc.tuple(key, scalar), { selector: ([k]) => k, maxLength: 6 });
    fc.assert(
      fc.property(mapping, fc.integer({ min: 0, max: 4 }), (pairs, indent) => {
        const pad = ' '.repeat(indent);
        const text = `${pad}root:\n` + pairs.map(([k, v]) => `${pad}  ${k}: ${v}`).join('\n') + '\n';
        let expected: unknown;
        try {
          expected = parse(text, { uniqueKeys: true });
        } catch {
          return parseLiteYaml(text) === undefined;
        }
        const lite = parseLiteYaml(text);
        return lite === undefined || JSON.stringify(lite === null ? null : liteToJS(lite)) === JSON.stringify(expected);
      }),
      { numRuns: 500 },
    );
  });
});
