import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/core/errors.js';
import { compileValue, type TemplateNode } from '../../src/template/compile.js';
import { createScope, renderNode } from '../../src/template/render.js';
import { referencedVariables } from '../../src/template/variables.js';

/**
 * The template layer either renders or raises a TemplateError (a diagnostic with a place) —
 * never another exception — and always terminates, whatever the template text and variables.
 */
function renderOrDiagnose(value: unknown, vars: Record<string, unknown>): void {
  let node: TemplateNode;
  try {
    node = compileValue(value);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message.length).toBeGreaterThan(0);
    return;
  }
  referencedVariables(node);
  try {
    renderNode(node, createScope(vars));
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
  }
}

const names = fc.constantFrom(
  'a',
  'b',
  'client_id',
  'timestamp',
  'x.y',
  'arr[0]',
  'obj.k',
  'nope',
  'env.HOME',
  'config.params.p',
  '__proto__',
  'constructor',
  'toString',
);
const filters = fc.constantFrom(
  'slice: -4',
  'slice: 1, 2',
  'plus: 1',
  'minus: "x"',
  'upcase',
  'size',
  'first',
  'join: ","',
  'date: "%Y"',
  'default: 3',
  'split: ""',
  'nosuch',
  'append: nil',
  'divided_by: 0',
  'modulo: 0',
  'json',
  'escape',
  'url_encode',
  'times: 1e308',
);
const expression = fc
  .tuple(
    fc.oneof(
      names,
      fc.integer().map(String),
      fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
      fc.constantFrom('nil', 'true', '(1..3)', '"" ', '-0', '1.5e3'),
    ),
    fc.array(filters, { maxLength: 3 }),
  )
  .map(([head, fs]) => [head, ...fs].join(' | '));
const tag = fc.constantFrom(
  '{% if a %}y{% endif %}',
  '{% for i in (1..5) %}{{ i }}{% endfor %}',
  '{% assign q = 3 %}{{ q }}',
  '{% unless b %}n{% endunless %}',
  '{% raw %}{{ x }}{% endraw %}',
  '{% case a %}{% when 1 %}one{% endcase %}',
  '{% capture c %}z{% endcapture %}{{ c }}',
  '{% if %}',
  '{% endfor %}',
  '{% include "x" %}',
  '{% render "y" %}',
  '{% layout "z" %}',
  '{% for i in arr %}{{ i }}{% endfor %}',
  '{% cycle "a", "b" %}',
  '{% increment n %}',
  '{% tablerow i in arr %}{{ i }}{% endtablerow %}',
);
const fragment = fc.oneof(
  expression.map((e) => `{{ ${e} }}`),
  tag,
  fc.constantFrom('{{', '}}', '{%', '%}', '{{}}', '{{ }}', '{{-', '-}}', '{{ a', 'a }}', '{{ "unclosed }}', '{{ a | }}', '{{ | a }}', '{{ a..b }}', '{{ a[ }}'),
  fc.string({ maxLength: 8 }),
);
const template = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

const plain = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt().map((b) => b),
  fc.date(),
);
const oddValue = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, plain, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('v'), { maxKeys: 3 })),
})).v;
const variables = fc.record(
  {
    a: oddValue,
    b: oddValue,
    client_id: oddValue,
    timestamp: oddValue,
    arr: fc.array(oddValue, { maxLength: 4 }),
    obj: fc.dictionary(fc.string({ maxLength: 4 }), oddValue, { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

describe('fuzz: templates', () => {
  it('random text: rendered or a TemplateError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), variables, (text, vars) => renderOrDiagnose(text, vars)),
      { numRuns: 500 },
    );
  });

  it('Liquid-shaped templates with odd variables', () => {
    fc.assert(
      fc.property(template, variables, (text, vars) => renderOrDiagnose(text, vars)),
      { numRuns: 1500 },
    );
  });

  it('templates inside odd value trees (keys included)', () => {
    const tree = fc.letrec((tie) => ({
      t: fc.oneof(
        { depthSize: 'small' },
        template,
        plain,
        fc.array(tie('t'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(template, fc.string({ maxLength: 4 })), tie('t'), { maxKeys: 3 }),
      ),
    })).t;
    fc.assert(
      fc.property(tree, variables, (value, vars) => renderOrDiagnose(value, vars)),
      { numRuns: 500 },
    );
  });

  it('runaway loops end in a TemplateError instead of hanging the run', () => {
    for (const text of ['{% for i in (1..999999999) %}xx{% endfor %}', '{% for i in (1..99999) %}{% for j in (1..99999) %}x{% endfor %}{% endfor %}']) {
      expect(() => renderNode(compileValue(text), createScope({}))).toThrow(TemplateError);
    }
  });
});
