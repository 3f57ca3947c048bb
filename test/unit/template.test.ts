import { describe, expect, it } from 'vitest';
import { compileString, compileValue } from '../../src/template/compile.js';
import { createScope, renderNode } from '../../src/template/render.js';
import { referencedVariables } from '../../src/template/variables.js';
import { BUILTIN_NAMES, builtinVariables, uniqueTimestamp } from '../../src/template/builtins.js';
import { TemplateError } from '../../src/core/errors.js';

const render = (value: unknown, vars: Record<string, unknown>) => renderNode(compileValue(value), createScope(vars));

describe('templates', () => {
  it('returns the tail for slice with one negative argument, and Liquid semantics otherwise', () => {
    expect(render('{{ 1770550300123 | slice: -4 }}', {})).toBe('0123');
    expect(render('{{ t | slice: -4 }}', { t: 1770550300123 })).toBe('0123');
    expect(render('{{ "abcdef" | slice: 1, 2 }}', {})).toBe('bc');
    expect(render('{{ "abcdef" | slice: -3, 2 }}', {})).toBe('de');
    expect(render('{{ "abcdef" | slice: 2 }}', {})).toBe('c');
  });

  it('keeps the type of a single expression and stringifies mixed text', () => {
    expect(render({ n: '{{ n }}', s: 'x{{ n }}', b: '{{ flag }}', o: '{{ obj }}' }, { n: 7, flag: false, obj: { a: 1 } })).toEqual({
      n: 7,
      s: 'x7',
      b: false,
      o: { a: 1 },
    });
    expect(render('{{ n | plus: 1 }}', { n: 1 })).toBe(2);
    // Only a string that is exactly one expression keeps its type.
    expect(render(' {{ n | plus: 1 }} ', { n: 1 })).toBe(' 2 ');
  });

  it('renders keys too, always as text', () => {
    expect(render({ '{{ k }}': 1 }, { k: 'key' })).toEqual({ key: 1 });
    expect(render({ '{{ k }}': 1 }, { k: 5 })).toEqual({ '5': 1 });
    // A value with no string form is a TemplateError, not a TypeError (fuzzing found this one).
    expect(() => render({ '{{ a }}': {} }, { a: Object.create(null) })).toThrow(TemplateError);
    const out = render({ '{{ k }}': { x: 1 } }, { k: '__proto__' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('is strict about variables and filters', () => {
    expect(() => render('{{ missing }}', {})).toThrow(TemplateError);
    let error: TemplateError | undefined;
    try {
      compileString('{{ a | slise: 2 }}', { file: 'x.md', line: 3, col: 5 });
    } catch (e) {
      error = e as TemplateError;
    }
    expect(error?.code).toBe('unknown-filter');
    expect(error?.help).toBe('did you mean `slice`?');
    expect(error?.span).toMatchObject({ line: 3 });
  });

  it('parses a template once and renders it many times', () => {
    const node = compileString('id-{{ i }}');
    expect([1, 2, 3].map((i) => renderNode(node, createScope({ i })))).toEqual(['id-1', 'id-2', 'id-3']);
    expect(compileString('plain text').kind).toBe('literal');
  });

  it('lists the variables a value reads', () => {
    expect([...referencedVariables(compileValue({ a: '{{ x.y }}', b: ['{{ config.params.z }}'] })).keys()]).toEqual(['x', 'config']);
  });

  it('gives docs started in the same millisecond different timestamps', () => {
    const now = Date.now();
    const a = uniqueTimestamp(now);
    const b = uniqueTimestamp(now);
    expect(b).toBeGreaterThan(a);
    const vars = builtinVariables(a);
    expect(vars.today_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(vars.tomorrow_datetime).toMatch(/T17:00:00\.000Z$/);
  });

  it('computes each lazy built-in once per doc run, and lets a later source replace it', async () => {
    const { docVariables } = await import('../../src/run/scope.js');
    const vars = builtinVariables(1_770_550_300_123);
    const first = [vars.random_uuid, vars.random_email, vars.unique_id, vars.random_int];
    expect([vars.random_uuid, vars.random_email, vars.unique_id, vars.random_int]).toEqual(first);
    expect(vars.now_datetime).toBe('2026-02-08T11:31:40.123Z');
    expect(vars.next_month_date).toBe('2026-03-08');
    // One draw of random bytes serves every random value of the run: same bytes → consistent values.
    expect(String(vars.random_email)).toBe('apitest_1770550300123@example.com');
    expect(Object.keys(vars).sort()).toEqual([...BUILTIN_NAMES].sort());
    expect(builtinVariables(1).random_uuid).not.toBe(vars.random_uuid);
    // A doc's own var named like a built-in wins, and reading it stays its value.
    const settings = { vars: { today_date: 'from config' }, env: {}, params: {} } as unknown as Parameters<typeof docVariables>[0];
    const doc = { frontmatter: { vars: { random_uuid: 'from doc' } } } as unknown as Parameters<typeof docVariables>[1];
    const run = docVariables(settings, doc, 1_770_550_300_123);
    expect([run.today_date, run.random_uuid, run.current_date]).toEqual(['from config', 'from doc', '2026-02-08']);
    run.unique_id = 'extracted';
    expect(run.unique_id).toBe('extracted');
    expect(renderNode(compileValue({ a: '{{ random_uuid }}', b: 'x-{{ today_date }}' }), createScope(run))).toEqual({ a: 'from doc', b: 'x-from config' });
    // Through liquidjs too (a filter): it reads the accessor like any own property.
    expect(render('{{ tomorrow_date | append: "!" }}', builtinVariables(1_770_550_300_123))).toBe('2026-02-09!');
  });
});

describe('plain templates (text and `{{ name }}` only) render without liquidjs, to the same result', () => {
  it('splits only plain templates into parts', async () => {
    const { plainParts } = await import('../../src/template/plain.js');
    expect(plainParts('/clients/{{ client_id }}/x{{n}}')).toEqual(['/clients/', { variable: 'client_id' }, '/x', { variable: 'n' }]);
    expect(plainParts('{{ client_id }}')).toEqual([{ variable: 'client_id' }]);
    expect(plainParts('x{{ t | slice: -4 }}{{t|slice:1,2}}')).toEqual(['x', { variable: 't', slice: [-4] }, { variable: 't', slice: [1, 2] }]);
    for (const notPlain of [
      '{{{ a }}}',
      '{{ a | slice: n }}',
      '{{ a | slice: -4 | upcase }}',
      '{{ a.b }}',
      '{{- a }}',
      '{% if a %}x{% endif %}',
      '{{ "a" }}',
      '{{ a[0] }}',
    ])
      expect(plainParts(notPlain)).toBeUndefined();
  });

  it('an assign in an earlier template of the same scope still shadows a variable', () => {
    const scope = createScope({ a: 'outer' });
    renderNode(compileString('{% assign a = "inner" %}'), scope);
    expect(renderNode(compileString('{{ a }}'), scope)).toBe('inner');
    expect(renderNode(compileString('x-{{ a }}'), scope)).toBe('x-inner');
  });

  it('equals what liquidjs alone renders, errors included (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { liquid } = await import('../../src/template/engine.js');
    const { liquidjs } = await import('../../src/template/liquidjs.js');
    const { Context, toValueSync } = liquidjs();
    const names = ['a', 'b', 'size', 'first', 'constructor', 'toString', 'nil', 'true', 'empty', 'trueish', 'nilly', 'contains', 'missing'];
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
    );
    const slice = fc
      .tuple(fc.constantFrom(...names), fc.integer({ min: -12, max: 12 }), fc.option(fc.integer({ min: -3, max: 12 })))
      .map(([n, a, b]) => `{{ ${n} | slice: ${a}${b === null ? '' : `, ${b}`} }}`);
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[{}% ab-]{0,4}$/));
    const part = fc.oneof(
      text,
      fc.constantFrom(...names).map((n) => `{{ ${n} }}`),
      fc.constantFrom(...names).map((n) => `{{${n}}}`),
      slice,
    );
    const outcome = (fn: () => unknown) => {
      try {
        return { value: fn() };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.dictionary(fc.constantFrom(...names.slice(0, -1)), value), (parts, vars) => {
        const source = parts.join('');
        // A text liquidjs cannot parse is a compile error, plain-looking or not.
        const parsed = outcome(() => liquid().parse(source));
        const compiled = outcome(() => compileString(source));
        expect('error' in compiled, source).toBe('error' in parsed && /\{\{|\{%/.test(source));
        if ('error' in compiled) return;
        const node = compiled.value as ReturnType<typeof compileString>;
        const fast = outcome(() => renderNode(node, createScope(vars)));
        const slow = outcome(() => {
          if (node.kind !== 'string') return source;
          const templates = liquid().parse(source);
          const context = new Context(vars, liquid().options, { strictVariables: true, ownPropertyOnly: true });
          try {
            if (node.typed) {
              const output = templates[0] as unknown as { value: { value(c: unknown, lenient: boolean): unknown } };
              const v = toValueSync(output.value.value(context, false) as never) as unknown;
              return v && typeof v === 'object' && typeof (v as { valueOf(): unknown }).valueOf === 'function' && (v as { valueOf(): unknown }).valueOf() !== v
                ? (v as { valueOf(): unknown }).valueOf()
                : v;
            }
            return liquid().renderSync(templates, context);
          } catch (error) {
            throw new Error(`${(error as Error).message.replace(/, line:\d+, col:\d+$/, '')} in \`${source}\``);
          }
        });
        expect(fast).toEqual(slow);
        // Static analysis sees the same variables as liquidjs's own analysis.
        const analysed =
          node.kind === 'string'
            ? liquid()
                .globalVariableSegmentsSync(liquid().parse(source))
                .map((s) => s.map(String))
            : [];
        expect([...referencedVariables(node).values()].flat()).toEqual(analysed);
      }),
      { numRuns: 3000 },
    );
  });
});
