import fc from 'fast-check';

/**
 * Generated endpoint docs for the differential test: a valid doc (a setup step that extracts, a
 * test step that uses it) with up to two mutations of the kinds users make. Whether a mutation is
 * an error is not decided here: lint and run must simply agree on it.
 */
export const MUTATIONS = [
  'typo-step-key',
  'typo-method-key',
  'typo-expect-key',
  'typo-retry-key',
  'typo-extract-key',
  'wrong-type-method',
  'wrong-type-params',
  'wrong-type-on-fail',
  'wrong-type-status',
  'step-key',
  'no-block',
  'json-block',
  'block-key',
  'x-keys',
  'documentation-heading',
  'empty-frontmatter',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface GeneratedDoc {
  setup: boolean;
  mutations: Mutation[];
}

export const mutatedDocs: fc.Arbitrary<GeneratedDoc> = fc.record({
  setup: fc.boolean(),
  mutations: fc.oneof(
    { arbitrary: fc.constant([] as Mutation[]), weight: 1 },
    { arbitrary: fc.uniqueArray(fc.constantFrom(...MUTATIONS), { minLength: 1, maxLength: 2 }), weight: 3 },
  ),
});

/** The doc's text; every path starts with `/PREFIX/` so a test server can tell its requests apart. */
export function generatedDoc(doc: GeneratedDoc, prefix: string): string {
  const has = (m: Mutation) => doc.mutations.includes(m);
  const front = [
    '---',
    'endpoint: "POST /v1/widgets"',
    'tags: [generated]',
    'status: pending',
    ...(has('empty-frontmatter') ? ['expectedOutcome:'] : []),
    '---',
    '',
    '# Create a widget',
    '',
  ];
  const setup = doc.setup ? block('## Prerequisites', 'steps', setupStep(prefix, doc), has('block-key')) : [];
  const test = testSection(prefix, doc);
  return [...front, ...setup, ...test].join('\n') + '\n';
}

function setupStep(prefix: string, doc: GeneratedDoc): string[] {
  const has = (m: Mutation) => doc.mutations.includes(m);
  return [
    '  - id: create_owner',
    '    method: POST',
    `    path: "/${prefix}/owners"`,
    ...(has('x-keys') ? ['    x-owner: team-widgets'] : []),
    '    extract:',
    has('typo-extract-key') ? '      owner_id: { jsonpth: "$.data.id" }' : '      owner_id: "$.data.id"',
    ...(has('typo-retry-key') ? ['    retry:', '      attemps: 2'] : has('x-keys') ? ['    retry:', '      attempts: 1', '      x-why: flaky'] : []),
  ];
}

function testStep(prefix: string, doc: GeneratedDoc): string[] {
  const has = (m: Mutation) => doc.mutations.includes(m);
  const owner = doc.setup ? '{{ owner_id }}' : 'o-1';
  return [
    '  - id: create_widget',
    has('wrong-type-method') ? '    method: [POST]' : has('typo-method-key') ? '    metod: POST' : '    method: POST',
    `    path: "/${prefix}/widgets"`,
    ...(has('wrong-type-params') ? ['    params: "a=b"'] : []),
    ...(has('wrong-type-on-fail') ? ['    onFail: stop'] : []),
    '    body:',
    `      owner_id: "${owner}"`,
    has('typo-step-key') ? '    expct:' : '    expect:',
    has('typo-expect-key') ? '      stauts: 200' : has('wrong-type-status') ? '      status: { code: 200 }' : '      status: 200',
    ...(has('x-keys') ? ['      x-ticket: WID-12'] : []),
  ];
}

function testSection(prefix: string, doc: GeneratedDoc): string[] {
  const has = (m: Mutation) => doc.mutations.includes(m);
  if (has('no-block')) return ['## Summary', '', 'The request is described in prose only.', ''];
  const heading = has('documentation-heading') ? '## Example' : '## Test Request';
  if (has('json-block')) return [heading, '', '```json', `{ "method": "POST", "path": "/${prefix}/widgets" }`, '```', ''];
  return block(heading, has('step-key') ? 'step' : 'steps', testStep(prefix, doc), has('block-key'));
}

function block(heading: string, key: string, lines: string[], extraKey: boolean): string[] {
  return [heading, '', '```yaml', `${key}:`, ...lines, ...(extraKey ? ['expect:', '  status: 200'] : []), '```', ''];
}
