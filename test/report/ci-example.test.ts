import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  strategy?: { matrix: { shard: number[] } };
  steps: Step[];
}

describe('the shipped CI examples', () => {
  it('GitHub Actions: a 4-way shard matrix uploading JSON, then a merge job producing JUnit and HTML', async () => {
    const workflow = parse(await readFile(resolve(root, 'docs/ci/github-actions.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const shards = workflow.jobs.scenarios;
    expect(shards.strategy?.matrix.shard).toEqual([1, 2, 3, 4]);
    const run = shards.steps.find((s) => s.run?.includes('stepdoc run'))?.run ?? '';
    expect(run).toContain('--shard ${{ matrix.shard }}/4');
    expect(run).toContain('--reporter json');
    expect(shards.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);

    const merge = workflow.jobs.report;
    expect(merge.needs).toBe('scenarios');
    expect(merge.if).toBe('always()');
    const command = merge.steps.find((s) => s.run?.includes('merge-reports'))?.run ?? '';
    expect(command).toMatch(/npx stepdoc merge-reports shards\/\*\/report\.json/);
    expect(command).toContain('--reporter junit');
    expect(command).toContain('--reporter html');
    expect(merge.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it('docs/reports.md documents GitLab parallel: with CI_NODE_INDEX/CI_NODE_TOTAL, as valid YAML', async () => {
    const text = await readFile(resolve(root, 'docs/reports.md'), 'utf8');
    const block = /```yaml\n(stepdoc:[\s\S]*?)```/.exec(text)?.[1] ?? '';
    const gitlab = parse(block) as Record<string, { parallel?: number; script: string[] }>;
    expect(gitlab.stepdoc.parallel).toBe(4);
    expect(gitlab.stepdoc.script.join('\n')).toContain('--shard ${CI_NODE_INDEX}/${CI_NODE_TOTAL}');
    expect(gitlab['stepdoc-report'].script.join('\n')).toContain('merge-reports');
  });
});
