import type { CliIO } from '../../src/cli/io.js';

/** An in-process CliIO that records what a command writes. */
export function fakeIO(cwd: string, env: Record<string, string | undefined> = {}): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    env,
    signal: new AbortController().signal,
    stdout: {
      write: (c: string) => {
        out += c;
        return true;
      },
    },
    stderr: {
      write: (c: string) => {
        err += c;
        return true;
      },
    },
    out: () => out,
    err: () => err,
  };
}
