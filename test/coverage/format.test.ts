import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/report/coverage/compute.js';
import { formatCoverageJson } from '../../src/report/coverage/format-json.js';
import { formatCoverageText } from '../../src/report/coverage/format-text.js';
import { renderTable } from '../../src/report/coverage/table.js';
import { doc, NOW, operation, plain, spec } from './fixtures.js';

const report = computeCoverage({
  specs: [
    {
      file: 'swagger/pets.json',
      spec: spec([operation('GET', '/pets'), operation('GET', '/pets/{pet_id}'), operation('DELETE', '/pets/{pet_id}')]),
      referencedAs: ['swagger/pets.json'],
      docs: [
        doc('scenarios/pets/list.md', { endpoint: '"GET /v1/pets"', status: 'verified', verifiedAt: '"2026-11-28T12:00:00Z"' }),
        doc('scenarios/pets/list_empty_filter.md', { endpoint: '"GET /pets"', status: 'failed' }),
        doc('scenarios/pets/show.md', { endpoint: '"GET /v1/pets/7"', status: 'skip' }),
        doc('scenarios/pets/gone.md', { endpoint: '"PATCH /v1/pets/{id}"', status: 'pending' }),
      ],
    },
  ],
  missingSpecs: [{ swagger: '/Users/someone/x.json', docs: ['scenarios/x.md'], help: 'did you mean `swagger/x.json`?' }],
  docsWithoutSwagger: ['scenarios/readme.md'],
  now: NOW,
});

describe('formatCoverageText', () => {
  const text = formatCoverageText(report, pc.createColors(false));
  const lines = text.split('\n');

  it('prints one aligned table per spec with prefixed paths, statuses and ages', () => {
    const header = lines.find((l) => l.includes('METHOD'))!;
    const rows = lines.slice(lines.indexOf(header), lines.indexOf(header) + 6);
    expect(rows).toEqual([
      '  METHOD  PATH               DOC                                  STATUS          VERIFIED',
      '  GET     /v1/pets           scenarios/pets/list.md               verified        3 d ago',
      '                             scenarios/pets/list_empty_filter.md  failed          never',
      '  GET     /v1/pets/{pet_id}  scenarios/pets/show.md               skipped (skip)  never',
      '  DELETE  /v1/pets/{pet_id}  — not covered',
      '',
    ]);
    // Every DOC cell starts in the same column.
    const docColumn = header.indexOf('DOC');
    for (const row of rows.slice(1, 5)) expect(row.slice(docColumn)).toMatch(/^(scenarios\/|— not covered)/);
    expect(rows[1]).toMatch(/^ {2}GET {5}\/v1\/pets +scenarios\/pets\/list\.md +verified +3 d ago$/);
    expect(rows[2]).toMatch(/^ +scenarios\/pets\/list_empty_filter\.md +failed +never$/);
    expect(rows[3]).toMatch(/scenarios\/pets\/show\.md +skipped \(skip\) +never$/);
    expect(rows[4]).toMatch(/^ {2}DELETE {2}\/v1\/pets\/\{pet_id\} +— not covered$/);
  });

  it('heads each spec with its title, version and totals, and ends with the grand total', () => {
    expect(lines[0]).toBe('swagger/pets.json — Pets, OpenAPI 3.0');
    expect(lines[1]).toBe('  3 operations · 2 covered (66.7%) · 1 verified (33.3%)');
    expect(text).toContain('Total: 1 spec · 3 operations · 2 covered (66.7%) · 1 verified (33.3%)');
    expect(text).toContain('1 doc(s) name 1 swagger file(s) that do not exist');
    expect(text).toContain('1 doc(s) without `swagger:` are not counted');
  });

  it('lists docs not in the spec with the closest operation', () => {
    const i = lines.findIndex((l) => l.includes('not in spec'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toMatch(/^ {4}scenarios\/pets\/gone\.md +PATCH \/v1\/pets\/\{id\} +pending +closest: (GET|DELETE) \/v1\/pets\/\{pet_id\}$/);
  });

  it('colours only when asked, and the coloured text reads the same once stripped', () => {
    expect(text).not.toMatch(/\u001b\[/);
    const coloured = formatCoverageText(report, pc.createColors(true));
    expect(coloured).toMatch(/\u001b\[/);
    expect(plain(coloured)).toBe(text);
  });
});

describe('renderTable', () => {
  it('pads by code points, leaves no trailing spaces, and paints text but not padding', () => {
    const out = renderTable(
      [
        [{ text: '✓', paint: (s) => `<${s}>` }, { text: 'a' }],
        [{ text: 'abc' }, { text: 'b' }],
      ],
      '',
    );
    expect(out).toEqual(['<✓>    a', 'abc  b']);
  });
});

describe('formatCoverageJson', () => {
  it('is the report, parseable, with the documented top-level keys', () => {
    const parsed = JSON.parse(formatCoverageJson(report));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'generatedAt', 'specs', 'missingSpecs', 'docsWithoutSwagger', 'totals']);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(Object.keys(parsed.specs[0].operations[0])).toEqual(['method', 'path', 'prefix', 'docs', 'covered', 'verified']);
    expect(Object.keys(parsed.specs[0].operations[0].docs[0])).toEqual(['doc', 'endpoint', 'status', 'verifiedAt', 'ageDays', 'age']);
  });
});
