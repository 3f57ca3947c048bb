import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let project: string;

/** 2,400 small docs, every 100th with an unknown variable, every 150th with an unknown step key (an error). */
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'stepdoc-lint-threads-'));
  for (let i = 0; i < 2400; i++) {
    const dir = join(project, 'scenarios', `part_${i % 12}`);
    mkdirSync(dir, { recursive: true });
    const variable = i % 100 === 0 ? 'widgt_id' : 'widget_id';
    const key = i % 150 === 0 ? 'expcet' : 'expect';
    writeFileSync(
      join(dir, `doc_${i}.md`),
      `---\nendpoint: "GET /v1/widgets/{id}"\nstatus: verified\n---\n\n# Widget ${i}\n\n## Test Request\n\n\`\`\`yaml\nsteps:\n  - id: create\n    method: POST\n    path: "/v1/widgets"\n    extract:\n      widget_id: "$.id"\n  - id: read\n    path: "/v1/widgets/{{ ${variable} }}"\n    ${key}:\n      status: 200\n\`\`\`\n`,
    );
  }
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('lint --threads', () => {
  it('reports exactly what one thread reports, in the same order (built CLI)', async () => {
    const one = await runCli(['lint', 'scenarios'], { cwd: project });
    const two = await runCli(['lint', 'scenarios', '--threads', '2'], { cwd: project });
    expect(one.stdout.trim().split('\n').pop()).toBe('40 errors, 0 warnings in 2400 docs');
    expect(one.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(2);
  });
});
