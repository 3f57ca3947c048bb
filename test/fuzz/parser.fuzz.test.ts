import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { StepdocError } from '../../src/core/errors.js';
import type { Doc } from '../../src/core/model.js';
import { parseDoc } from '../../src/doc/parse.js';
import { buildGraph } from '../../src/graph/build.js';
import { BUILTIN_NAMES } from '../../src/template/builtins.js';

/**
 * The doc parser never throws for content: whatever the bytes, it returns a Doc whose problems are
 * diagnostics. Graph building on top of it may only add diagnostics too. Each property also
 * terminates (vitest's timeout would fail it otherwise).
 */
function parseAndBuild(text: string): Doc {
  const doc = parseDoc(text, '/fuzz/doc.md', 'doc.md');
  expect(Array.isArray(doc.steps)).toBe(true);
  expect(Array.isArray(doc.diagnostics)).toBe(true);
  for (const d of doc.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(['error', 'warning', 'info']).toContain(d.severity);
  }
  try {
    const built = buildGraph(doc, { knownVariables: new Set([...BUILTIN_NAMES, 'env', 'config']), resolveUse: () => undefined });
    expect(Array.isArray(built.diagnostics)).toBe(true);
  } catch (error) {
    // A template that cannot be compiled may surface as a StepdocError; nothing else may escape.
    expect(error).toBeInstanceOf(StepdocError);
  }
  return doc;
}

const oddScalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '{{',
    '}}',
    '{{ x }}',
    '{% if %}',
    '{{ a | nope }}',
    '$.a[',
    '$..*',
    '~',
    '---',
    '```',
    '\u0000',
    '\uFEFF',
    'ü🎉',
    'GET',
    'DELETE',
    '/p/{{ id }}',
    '-1',
    '1e999',
  ),
);
const oddValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), oddKey()), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function oddKey() {
  return fc.constantFrom(
    'id',
    'method',
    'path',
    'url',
    'body',
    'extract',
    'expect',
    'retry',
    'needs',
    'use',
    'onFail',
    'sleep',
    'params',
    'headers',
    'token',
    'api',
    'content_type',
    'file_fields',
    'form_fields',
    'status',
    'until',
    'attempts',
  );
}

const frontmatterKeys = fc.constantFrom(
  'endpoint',
  'domain',
  'tags',
  'swagger',
  'status',
  'tokens',
  'useFallbackApi',
  'expectedOutcome',
  'vars',
  'api',
  'parallel',
  'retryUnsafe',
  'timesReused',
  'verifiedAt',
);
const frontmatter = fc.dictionary(frontmatterKeys, oddValue, { maxKeys: 6 });
const step = fc.dictionary(oddKey(), oddValue, { maxKeys: 8 });
const heading = fc.constantFrom('## Prerequisites', '## Test Request', '## Cleanup', '# Title', '### Setup', '## Teardown', 'Plain prose');

/** Docs shaped like the real ones (frontmatter, headings, ```yaml steps: blocks) but with odd values everywhere. */
const structuredDoc = fc
  .record({
    fm: fc.option(frontmatter, { nil: undefined }),
    sections: fc.array(
      fc.record({ heading, steps: fc.oneof(fc.array(step, { maxLength: 4 }), oddValue), fence: fc.constantFrom('```yaml', '```yml', '```', '~~~yaml') }),
      { maxLength: 4 },
    ),
    crlf: fc.boolean(),
  })
  .map(({ fm, sections, crlf }) => {
    const parts: string[] = [];
    if (fm) parts.push(`---\n${safeYaml(fm)}---\n`);
    for (const s of sections) parts.push(`${s.heading}\n\n${s.fence}\n${safeYaml({ steps: s.steps })}${s.fence.startsWith('~') ? '~~~' : '```'}\n`);
    const text = parts.join('\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

function safeYaml(value: unknown): string {
  try {
    return stringify(value);
  } catch {
    return 'odd: true\n';
  }
}

describe('fuzz: doc parser', () => {
  it('random bytes: a Doc with diagnostics, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        parseAndBuild(Buffer.from(bytes).toString('utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('random text with Markdown and YAML punctuation', () => {
    const piece = fc.constantFrom(
      '---\n',
      '```yaml\n',
      '```\n',
      'steps:\n',
      '  - id: a\n',
      '    path: /x\n',
      '## Cleanup\n',
      '# T\n',
      ': ',
      '- ',
      '  ',
      '\t',
      '{{ x }}',
      '\n',
      'key: [1, {',
      '"',
      "'",
      '&a ',
      '*a ',
      '!!str ',
      '%YAML 1.2\n',
      '? ',
      '|\n',
      '>-\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 10 })), { maxLength: 60 }), (pieces) => {
        parseAndBuild(pieces.join(''));
      }),
      { numRuns: 400 },
    );
  });

  it('structurally valid docs with odd values', () => {
    fc.assert(
      fc.property(structuredDoc, (text) => {
        parseAndBuild(text);
      }),
      { numRuns: 300 },
    );
  });

  it('YAML bombs and deep nesting terminate', () => {
    const aliases = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      aliases.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i === 1 ? '' : i - 1}`)
          .join(',')}]`,
      );
    const bomb = `---\nendpoint: "GET /x"\n---\n\n## Test\n\n\`\`\`yaml\n${aliases.join('\n')}\nsteps:\n  - id: s\n    path: /x\n    body: *a8\n\`\`\`\n`;
    expect(parseAndBuild(bomb).diagnostics.map((d) => d.code)).toContain('yaml-aliases');
    const fmBomb = `---\n${aliases.join('\n')}\nendpoint: "GET /x"\n---\n\n# T\n`;
    expect(parseAndBuild(fmBomb).diagnostics.map((d) => d.code)).toContain('yaml-aliases');
    const deep = `---\nendpoint: "GET /x"\n---\n\n\`\`\`yaml\nsteps:\n  - id: s\n    path: /x\n    body: ${'['.repeat(5000)}${']'.repeat(5000)}\n\`\`\`\n`;
    parseAndBuild(deep);
  });
});
