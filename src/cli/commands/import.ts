import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode } from '../../core/exit-codes.js';
import { UsageError, UserError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { formatHelp } from '../help.js';
import type { CliIO } from '../io.js';

/** How standard input is named in diagnostics and in the doc. */
const STDIN = '<stdin>';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP = formatHelp({
  usage: 'stepdoc import curl [FILE|-] [--out FILE]',
  summary: `Turns curl commands as API guides write them (line continuations, -H, -d/--data* with a multi-line
JSON body, -X, -u, -F, --url) into one doc with one step each. \`$baseurl\` or the origin of an absolute
URL becomes the API base, \`Authorization: Bearer $apikey\` the token profile \`apikey\` (never a literal),
\`{EXTERNAL_CARD_ID}\` the variable \`{{ external_card_id }}\`. A JSON body with the slips guides make (a
missing or trailing comma, a stray \`:\`) is repaired and each repair is listed; other broken JSON is refused.
Reads FILE, or standard input for \`-\` or no FILE.`,
  groups: [{ title: 'Options', options: [['--out FILE', 'write the doc there (never over an existing file); default: print it']] }],
  exitCodes: [
    [0, 'imported (notes on stderr say what was decided or repaired)'],
    [2, 'a command cannot be imported faithfully, or bad usage'],
  ],
});

export async function command(argv: string[], io: CliIO): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, OPTIONS, 'import');
  if (v.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  const [format, file = '-', ...extra] = positionals;
  if (format !== 'curl')
    throw new UsageError(
      format ? `cannot import \`${format}\`` : '`stepdoc import` needs what to import',
      'e.g. stepdoc import curl guide.sh --out scenarios/cards/create.md',
    );
  if (extra.length) throw new UsageError(`one input at a time (got ${[file, ...extra].join(', ')})`);
  const out = v.out === undefined ? undefined : path.resolve(io.cwd, v.out);
  if (out && existsSync(out))
    throw new UserError(`${v.out} already exists; not overwritten`, 'file-exists', undefined, 'choose another --out, or delete the file first');
  const source = file === '-' ? await readStdin() : await readInput(path.resolve(io.cwd, file), file);
  const { importCurl } = await import('../../import/import-curl.js');
  const imported = importCurl(source, file === '-' ? STDIN : file);
  for (const note of imported.notes) io.stderr.write(`note: ${note}\n`);
  if (!out) {
    io.stdout.write(imported.text);
    return ExitCode.Ok;
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, imported.text, { flag: 'wx' });
  io.stderr.write(`wrote ${v.out}: ${imported.steps.length} step${imported.steps.length === 1 ? '' : 's'} (status: pending)\n`);
  return ExitCode.Ok;
}

async function readInput(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UserError(`cannot read ${shown}`, 'file-not-found');
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
