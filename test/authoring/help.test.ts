import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIO } from '../report/cli-io.js';

const COMMANDS = ['run', 'lint', 'mock', 'record', 'merge-reports', 'coverage', 'new', 'import', 'init'];

async function output(argv: string[]): Promise<{ code: number; out: string }> {
  const io = fakeIO(process.cwd(), { NO_COLOR: '1' });
  const code = await main(argv, io);
  return { code, out: io.out() };
}

describe('help texts', () => {
  it.each(COMMANDS)('`stepdoc help %s` prints its help in the shared layout', async (name) => {
    const help = await output(['help', name]);
    expect(help.code).toBe(0);
    expect(help.out).toBe((await output([name, '--help'])).out);
    expect(help.out.split('\n')[0]).toMatch(new RegExp(`^Usage: stepdoc ${name}\\b`));
    const exit = help.out.split('\n').find((l) => l.startsWith('Exit codes: '));
    expect(exit).toMatch(/^Exit codes: 0 [^·]+( · \d+ [^·]+)+$/);
    expect(exit).toContain('3 a bug in stepdoc');
    // Flags in one column: every option line of a group starts at column 3 with a dash.
    for (const line of help.out.split('\n').filter((l) => /^ {2}-/.test(l))) expect(line).toMatch(/^ {2}-\S/);
  });

  it('lists every command in the main help, with `stepdoc help COMMAND`', async () => {
    const { out } = await output(['--help']);
    for (const name of COMMANDS) expect(out).toContain(`stepdoc ${name}`);
    expect(out).toContain('stepdoc help COMMAND');
  });

  it('`stepdoc help` of an unknown command is a usage error with a did-you-mean', async () => {
    const io = fakeIO(process.cwd(), { NO_COLOR: '1' });
    expect(await main(['help', 'lnt'], io)).toBe(2);
    expect(io.err()).toContain('did you mean `lint`?');
  });
});
