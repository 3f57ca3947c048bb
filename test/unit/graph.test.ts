import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/doc/parse.js';
import { buildGraph } from '../../src/graph/build.js';
import type { Doc } from '../../src/core/model.js';
import { BUILTIN_NAMES } from '../../src/template/builtins.js';

const doc = (steps: string, file = '/d/a.md', fm = '') =>
  parseDoc(`---\nendpoint: "GET /a"\n${fm}---\n## Test Request\n\`\`\`yaml\nsteps:\n${steps}\`\`\`\n`, file, file.split('/').pop());
const known = new Set([...BUILTIN_NAMES, 'env', 'config', 'business_id']);
const build = (d: Doc, docs: Record<string, Doc> = {}) => buildGraph(d, { knownVariables: known, resolveUse: (_from, target) => docs[target] });
const codes = (d: Doc, docs?: Record<string, Doc>) => build(d, docs).diagnostics.map((x) => x.code);

describe('step graph analysis', () => {
  it('accepts variables extracted earlier, built-ins and config vars, and links data dependencies', () => {
    const d = doc('  - id: a\n    path: /a/{{business_id}}\n    extract: { x: "$.id" }\n  - id: b\n    path: /b/{{ x }}/{{ timestamp }}\n');
    const { graph, diagnostics } = build(d);
    expect(diagnostics).toEqual([]);
    expect(graph.nodes[1].deps).toEqual([0]);
  });

  it('flags a variable used before the step that extracts it', () => {
    const d = doc('  - id: a\n    path: /a/{{ x }}\n  - id: b\n    path: /b\n    extract: { x: "$.id" }\n');
    const diag = build(d).diagnostics[0];
    expect(diag.code).toBe('unknown-variable');
    expect(diag.help).toBe('step `b` extracts it, but runs later');
    expect(diag.span).toMatchObject({ line: 8 });
  });

  it('a step id shared by setup and test is a warning; within one phase, or named by needs:, an error', () => {
    const phases = (needs = '') =>
      parseDoc(
        `---\nendpoint: "GET /a"\n---\n## Prerequisites\n\`\`\`yaml\nsteps:\n  - id: get\n    path: /a\n\`\`\`\n## Test Request\n\`\`\`yaml\nsteps:\n  - id: get\n    path: /b\n${needs}\`\`\`\n`,
        '/d/p.md',
        'p.md',
      );
    expect(build(phases()).diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['warning:duplicate-id']);
    expect(build(phases('    needs: [get]\n')).diagnostics.map((d) => `${d.severity}:${d.code}`)).toContain('error:duplicate-id');
    expect(build(doc('  - id: a\n    path: /a\n  - id: a\n    path: /b\n')).diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['error:duplicate-id']);
  });

  it('expectedOutcome may be one status or a list of them', () => {
    expect(doc('  - path: /a\n', '/d/a.md', 'expectedOutcome: [200, 404]\n').frontmatter.expectedOutcome).toEqual([200, 404]);
    expect(doc('  - path: /a\n', '/d/a.md', 'expectedOutcome: 422\n').frontmatter.expectedOutcome).toEqual([422]);
    expect(doc('  - path: /a\n', '/d/a.md', 'expectedOutcome: [200, 99]\n').diagnostics.map((d) => d.code)).toContain('frontmatter-type');
  });

  it('suggests the closest known name', () => {
    expect(build(doc('  - id: a\n    path: /a/{{ busines_id }}\n')).diagnostics[0].help).toBe('did you mean `business_id`?');
  });

  it('flags duplicate ids, unknown needs and needs cycles', () => {
    expect(codes(doc('  - id: a\n    path: /a\n  - id: a\n    path: /b\n'))).toContain('duplicate-id');
    expect(codes(doc('  - id: a\n    path: /a\n    needs: [zz]\n'))).toContain('unknown-need');
    expect(codes(doc('  - id: a\n    path: /a\n    needs: [b]\n  - id: b\n    path: /b\n    needs: [a]\n'))).toContain('needs-cycle');
  });

  it('resolves use: targets, exposes their extracts, and reports missing targets and cycles', () => {
    const shared = doc('  - id: mk\n    path: /c\n    extract: { client_id: "$.id" }\n', '/d/shared.md');
    const user = doc('  - use: shared.md\n  - id: t\n    path: /t/{{ client_id }}\n');
    expect(build(user, { 'shared.md': shared }).diagnostics).toEqual([]);
    expect(codes(user)).toContain('use-not-found');
    const a = doc('  - use: b.md\n', '/d/a.md');
    const b = doc('  - use: a.md\n', '/d/b.md');
    expect(codes(a, { 'a.md': a, 'b.md': b })).toContain('use-invalid');
    expect(
      build(b, { 'a.md': a, 'b.md': b })
        .diagnostics.map((x) => x.message)
        .join(),
    ).toMatch(/cycle/);
  });

  it('refuses a used doc with a parse error (a typo there must not weaken the doc that uses it)', () => {
    const shared = doc('  - id: s\n    path: /s\n    expct: { status: 500 }\n', '/d/shared.md');
    expect(shared.diagnostics.map((d) => d.code)).toEqual(['unknown-step-key']);
    const user = doc('  - use: shared.md\n  - id: t\n    path: /t\n');
    const diag = build(user, { 'shared.md': shared }).diagnostics.find((d) => d.code === 'use-invalid');
    expect(diag?.message).toContain('unknown step key `expct`');
  });

  it('reports a template with an unknown filter at its line', () => {
    const diag = build(doc('  - id: a\n    path: "/a/{{ timestamp | slise: -4 }}"\n')).diagnostics[0];
    expect(diag).toMatchObject({ code: 'unknown-filter', help: 'did you mean `slice`?', span: { line: 8 } });
  });
});
