import { describe, expect, it } from 'vitest';
import { computeCoverage, type SpecInput } from '../../src/report/coverage/compute.js';
import { specsBelow } from '../../src/report/coverage/gate.js';
import { ageOf } from '../../src/report/coverage/age.js';
import { doc, NOW, operation, spec } from './fixtures.js';

const petSpec = spec([
  operation('post', '/pets'),
  operation('get', '/pets'),
  operation('delete', '/pets/{pet_id}'),
  operation('get', '/pets/{pet_id}'),
  operation('get', '/owners'),
]);

function input(docs: ReturnType<typeof doc>[], overrides: Partial<SpecInput> = {}) {
  const specs: SpecInput[] = [{ file: 'swagger/pets.json', spec: petSpec, referencedAs: ['swagger/pets.json'], docs, ...overrides }];
  return { specs, missingSpecs: [], docsWithoutSwagger: [], now: NOW };
}

describe('computeCoverage', () => {
  const docs = [
    doc('pets/list.md', { endpoint: '"GET /v1/pets"', status: 'verified', verifiedAt: '"2026-11-28T12:00:00Z"' }),
    doc('pets/create.md', { endpoint: '"POST /pets"', status: 'pending' }),
    doc('pets/show_concrete.md', { endpoint: '"GET /v1/pets/42"', status: 'failed', verifiedAt: '"2026-10-01T00:00:00Z"' }),
    doc('pets/show_templated.md', { endpoint: '"GET /v1/pets/{id}"', status: 'success', verifiedAt: '"2026-12-01T09:30:00Z"' }),
    doc('pets/typo.md', { endpoint: '"GET /v1/pet"', status: 'verified' }),
    doc('pets/no_endpoint.md', { status: 'pending' }),
  ];
  const report = computeCoverage(input(docs));
  const [pets] = report.specs;
  const row = (method: string, path: string) => pets.operations.find((o) => o.method === method && o.path === path)!;

  it('lists every operation, sorted by path then method', () => {
    expect(pets.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /owners',
      'GET /pets',
      'POST /pets',
      'GET /pets/{pet_id}',
      'DELETE /pets/{pet_id}',
    ]);
    expect(pets.operations.every((o) => o.prefix === '/v1')).toBe(true);
  });

  it('matches concrete, templated and unprefixed endpoints to their operation', () => {
    expect(row('GET', '/pets').docs.map((d) => d.doc)).toEqual(['pets/list.md']);
    expect(row('POST', '/pets').docs.map((d) => d.doc)).toEqual(['pets/create.md']);
    expect(row('GET', '/pets/{pet_id}').docs.map((d) => d.doc)).toEqual(['pets/show_concrete.md', 'pets/show_templated.md']);
    expect(row('GET', '/owners').covered).toBe(false);
    expect(row('DELETE', '/pets/{pet_id}').docs).toEqual([]);
  });

  it('gives each doc its status and the age of verifiedAt against the pinned now', () => {
    const [concrete, templated] = row('GET', '/pets/{pet_id}').docs;
    expect(concrete).toMatchObject({ status: 'failed', verifiedAt: '2026-10-01T00:00:00Z', ageDays: 61, age: '61 d ago' });
    expect(templated).toMatchObject({ status: 'verified', rawStatus: 'success', ageDays: 0, age: '2 h ago' });
    expect(row('GET', '/pets').docs[0]).toMatchObject({ age: '3 d ago', ageDays: 3 });
    expect(row('POST', '/pets').docs[0]).toMatchObject({ status: 'pending', age: 'never', ageDays: null });
    expect(row('POST', '/pets').docs[0]).not.toHaveProperty('verifiedAt');
  });

  it('counts covered and verified-covered operations', () => {
    expect(pets.totals).toEqual({ operations: 5, covered: 3, verifiedCovered: 2, percent: 60, verifiedPercent: 40 });
    expect(row('POST', '/pets')).toMatchObject({ covered: true, verified: false });
    expect(row('GET', '/pets/{pet_id}')).toMatchObject({ covered: true, verified: true });
    expect(report.totals).toEqual(pets.totals);
  });

  it('lists docs whose endpoint is not in the spec with the closest operation, and docs without endpoint', () => {
    expect(pets.unmatched).toEqual([
      expect.objectContaining({ doc: 'pets/no_endpoint.md', reason: 'no-endpoint', status: 'pending' }),
      expect.objectContaining({ doc: 'pets/typo.md', reason: 'not-in-spec', endpoint: 'GET /v1/pet', closest: 'GET /v1/pets' }),
    ]);
    expect(pets.unmatched[0]).not.toHaveProperty('closest');
  });

  it('still names the nearest operation when nothing is within did-you-mean distance', () => {
    const far = computeCoverage(input([doc('far.md', { endpoint: '"PUT /completely/elsewhere/entirely"' })]));
    expect(far.specs[0].unmatched[0].closest).toMatch(/^(GET|POST|DELETE) \//);
  });

  it('stamps the report with now and carries spec facts', () => {
    expect(report).toMatchObject({ schemaVersion: 1, generatedAt: '2026-12-01T12:00:00.000Z', missingSpecs: [], docsWithoutSwagger: [] });
    expect(pets).toMatchObject({
      file: 'swagger/pets.json',
      title: 'Pets',
      version: '3.0',
      loaded: true,
      referenced: true,
      referencedAs: ['swagger/pets.json'],
    });
  });

  it('keeps a spec that did not load, with no percentage', () => {
    const broken = computeCoverage(input(docs, { spec: undefined, loadError: 'not JSON' }));
    expect(broken.specs[0]).toMatchObject({ loaded: false, loadError: 'not JSON', operations: [], unmatched: [] });
    expect(broken.specs[0].totals).toEqual({ operations: 0, covered: 0, verifiedCovered: 0, percent: null, verifiedPercent: null });
    expect(specsBelow(broken, 100)).toEqual([]);
  });

  it('marks specs no doc names (added with --swagger) and sums totals over specs', () => {
    const extra = { file: 'swagger/a.json', spec: spec([operation('GET', '/a')]), referencedAs: [], docs: [] };
    const both = computeCoverage({ ...input(docs), specs: [...input(docs).specs, extra] });
    expect(both.specs.map((s) => [s.file, s.referenced])).toEqual([
      ['swagger/a.json', false],
      ['swagger/pets.json', true],
    ]);
    expect(both.totals).toEqual({ operations: 6, covered: 3, verifiedCovered: 2, percent: 50, verifiedPercent: 33.3 });
  });

  it('sorts missing specs and docs without swagger', () => {
    const r = computeCoverage({
      specs: [],
      missingSpecs: [
        { swagger: 'z.json', docs: ['b.md'] },
        { swagger: 'a.json', docs: ['a.md'] },
      ],
      docsWithoutSwagger: ['z.md', 'a.md'],
      now: NOW,
    });
    expect(r.missingSpecs.map((m) => m.swagger)).toEqual(['a.json', 'z.json']);
    expect(r.docsWithoutSwagger).toEqual(['a.md', 'z.md']);
    expect(r.totals.percent).toBeNull();
  });
});

describe('specsBelow (--fail-under)', () => {
  const report = computeCoverage(input([doc('a.md', { endpoint: '"GET /pets"' })]));
  it('names the specs under the threshold only', () => {
    expect(report.specs[0].totals.percent).toBe(20);
    expect(specsBelow(report, 20)).toEqual([]);
    expect(specsBelow(report, 20.1)).toEqual([{ file: 'swagger/pets.json', percent: 20 }]);
  });
});

describe('ageOf', () => {
  it.each([
    [undefined, null, 'never'],
    ['', null, 'never'],
    ['not a date', null, 'invalid date'],
    ['2026-12-01T11:59:30Z', 0, 'just now'],
    ['2026-12-01T11:15:00Z', 0, '45 min ago'],
    ['2026-11-30T13:00:00Z', 0, '23 h ago'],
    ['2026-11-30T12:00:00Z', 1, '1 d ago'],
    ['2025-12-01', 365, '365 d ago'],
    ['2027-01-01T00:00:00Z', 0, 'in the future'],
  ])('%s → %s days, %s', (at, days, label) => {
    expect(ageOf(at, NOW)).toEqual({ days, label });
  });
});
