import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** An io whose stdout breaks: whatever the command does next, the failure is a bug, not bad input. */
function brokenIO() {
  let stderr = '';
  const io: CliIO = {
    cwd: process.cwd(),
    env: { NO_COLOR: '1' },
    stdout: {
      write: () => {
        throw new TypeError('stdout went away');
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    signal: new AbortController().signal,
  };
  return { io, stderr: () => stderr };
}

describe('an internal error (a bug)', () => {
  it('prints one line asking to report it, no stack, exit 3', async () => {
    const { io, stderr } = brokenIO();
    expect(await main(['run', '--help'], io)).toBe(3);
    expect(stderr()).toBe(
      'internal error: stdout went away — this is a bug in stepdoc; please report it with the command you ran (--verbose shows the stack)\n',
    );
  });

  it('shows the stack under --verbose', async () => {
    const { io, stderr } = brokenIO();
    expect(await main(['run', '--help', '--verbose'], io)).toBe(3);
    const lines = stderr().split('\n');
    expect(lines[0]).toBe('internal error: stdout went away — this is a bug in stepdoc; please report it with the command you ran');
    expect(lines[1]).toBe('TypeError: stdout went away');
    expect(lines[2]).toMatch(/^\s+at /);
  });
});
