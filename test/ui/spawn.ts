import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../support/cli.js';

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the match once stdout matches `re`; after `guardMs` rejects with the output so far (a hang guard, not a speed check). */
  waitFor(re: RegExp, guardMs?: number): Promise<RegExpMatchArray>;
  /** SIGINT, then the exit code. */
  interrupt(): Promise<number | null>;
}

/** The real CLI as a long-running subprocess (`stepdoc ui`, `run --watch`), its output followed live. */
export function spawnCli(args: string[], cwd: string): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout!.on('data', (d) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr!.on('data', (d) => (err += d));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(re, guardMs = 20_000) {
      return new Promise((resolve, reject) => {
        const guard = setTimeout(() => reject(new Error(`no ${re} in:\n${out}\n--- stderr:\n${err}`)), guardMs);
        const check = () => {
          const m = re.exec(out);
          if (m) {
            clearTimeout(guard);
            return resolve(m);
          }
          if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode} before ${re}: ${out}${err}`));
          waiters.push(check);
        };
        check();
        void closed.then(() => {
          for (const w of waiters.splice(0)) w();
        });
      });
    },
    async interrupt() {
      if (child.exitCode === null) child.kill('SIGINT');
      return closed;
    },
  };
}
