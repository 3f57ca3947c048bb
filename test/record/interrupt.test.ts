import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyScalarEdits, readFrontmatterValues } from '../../src/record/frontmatter-edit.js';
import { locateFrontmatter } from '../../src/record/frontmatter-locate.js';
import { roundTime } from './fixtures/round-time.js';
import { docText, repoRoot, tempDir } from './helpers.js';

const DOCS = 40;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Docs big enough that a kill often lands during a write; every other one CRLF, some with a BOM. */
async function makeDocs(): Promise<Map<string, string>> {
  const originals = new Map<string, string>();
  const prose = 'Prose ünïcode ✓ — a long line that makes the write take a little while.\n'.repeat(400);
  for (let i = 0; i < DOCS; i++) {
    const eol = i % 2 ? '\r\n' : '\n';
    const fm = ['status: pending   # set by --record', 'savedAt: "2026-01-01T00:00:00.000Z"', 'verifiedAt:', 'timesReused: 0'];
    const text = (i % 5 === 0 ? '\uFEFF' : '') + docText(fm, eol) + prose.replace(/\n/g, eol) + '```yaml' + eol + '---' + eol + '```' + eol;
    const name = `doc-${String(i).padStart(2, '0')}.md`;
    await writeFile(path.join(dir, name), text);
    originals.set(name, text);
  }
  return originals;
}

/**
 * Runs the fixture until round `round` is complete and the first doc of the next round is on disk,
 * then sends `signal`: the signal lands while that round's other writes are in flight.
 */
function runUntilRound(mode: string, signal: NodeJS.Signals, round: number): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/record/fixtures/record-loop.ts'), dir, mode], { cwd: repoRoot });
  let out = '';
  let err = '';
  let polling = false;
  const pollThenKill = async () => {
    while (child.exitCode === null && !(await anyDocAtRound(round + 1))) await new Promise((r) => setTimeout(r, 1));
    child.kill(signal);
  };
  child.stderr.on('data', (d) => (err += d));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes(`round ${round}\n`) && !polling) {
      polling = true;
      void pollThenKill();
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (out.includes('round') ? resolve({ code, out }) : reject(new Error(`fixture failed: ${err}`))));
  });
}

async function anyDocAtRound(round: number): Promise<boolean> {
  for (const name of await readdir(dir)) {
    if (name.endsWith('.md') && new RegExp(`^timesReused: ${round}\\r?$`, 'm').test(await readFile(path.join(dir, name), 'utf8'))) return true;
  }
  return false;
}

/** Each doc is exactly its original or exactly the result of some round k: never a mix, never truncated. */
async function expectEachDocOldOrNew(originals: Map<string, string>): Promise<number[]> {
  const rounds: number[] = [];
  for (const [name, original] of originals) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const loc = locateFrontmatter(text)!;
    expect(() => parse(text.slice(loc.contentStart, loc.contentEnd)), name).not.toThrow();
    const k = Number(readFrontmatterValues(text).timesReused);
    const i = Number(name.slice(4, 6));
    const expected =
      k === 0
        ? original
        : applyScalarEdits(original, [
            { key: 'status', value: 'verified' },
            { key: 'verifiedAt', value: roundTime(k, i) },
            { key: 'timesReused', value: k },
          ]);
    expect(text, name).toBe(expected);
    rounds.push(k);
  }
  return rounds;
}

describe('interrupting a recorded run', () => {
  it('SIGKILL mid-way leaves every doc either old or new, each parseable', async () => {
    const originals = await makeDocs();
    const { code } = await runUntilRound('hard', 'SIGKILL', 2);
    expect(code).toBe(null);
    const rounds = await expectEachDocOldOrNew(originals);
    expect(Math.min(...rounds)).toBeGreaterThanOrEqual(2);
    // A temp file may be left by a hard kill, but never one that looks like a doc.
    expect((await readdir(dir)).filter((f) => f.endsWith('.md')).sort()).toEqual([...originals.keys()].sort());
  });

  it("SIGINT with the CLI's handling finishes the writes in flight: every doc complete, no temp files", async () => {
    const originals = await makeDocs();
    const { code, out } = await runUntilRound('graceful', 'SIGINT', 2);
    expect(code).toBe(130);
    expect(out).toContain(`settled ${DOCS}`);
    await expectEachDocOldOrNew(originals);
    expect((await readdir(dir)).sort()).toEqual([...originals.keys()].sort());
  });

  it('SIGINT without a handler (the second Ctrl-C) also leaves no half-written doc', async () => {
    const originals = await makeDocs();
    await runUntilRound('hard', 'SIGINT', 1);
    await expectEachDocOldOrNew(originals);
  });
});
