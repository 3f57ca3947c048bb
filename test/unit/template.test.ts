import { describe, expect, it } from 'vitest';
import { compileString, compileValue } from '../../src/template/compile.js';
import { createScope, renderNode } from '../../src/template/render.js';
import { referencedVariables } from '../../src/template/variables.js';
import { builtinVariables, uniqueTimestamp } from '../../src/template/builtins.js';
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
    expect(render({ n: '{{ n }}', s: 'x{{ n }}', b: '{{ flag }}', o: '{{ obj }}' }, { n: 7, flag: false, obj: { a: 1 } })).toEqual({ n: 7, s: 'x7', b: false, o: { a: 1 } });
    expect(render('{{ n | plus: 1 }}', { n: 1 })).toBe(2);
    // Only a string that is exactly one expression keeps its type.
    expect(render(' {{ n | plus: 1 }} ', { n: 1 })).toBe(' 2 ');
  });

  it('renders keys too', () => {
    expect(render({ '{{ k }}': 1 }, { k: 'key' })).toEqual({ key: 1 });
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
});
