import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../../core/exit-codes.js';
import { UsageError, UserError } from '../../core/errors.js';
import { parseCommandArgs } from '../args.js';
import { formatHelp } from '../help.js';
import type { CliIO } from '../io.js';
import { PACKAGE_DIR } from '../package-dir.js';

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

/** The starter project, shipped as plain files in the package (`templates/init/`), the same from src, dist and the bundle. */
const TEMPLATES = fileURLToPath(new URL('templates/init/', PACKAGE_DIR));
const GITIGNORE_ENTRY = 'reports/';

export const HELP = formatHelp({
  usage: 'stepdoc init',
  summary: `Starts a project in the current folder: stepdoc.config.yaml, a small OpenAPI file (openapi.yaml), two
example docs under scenarios/widgets/ (get_widget.md \`use:\`s create_widget.md) and a .gitignore entry for
reports/. \`npx stepdoc run --mock\` passes right away. Existing files are never overwritten: init refuses and
names them (a .gitignore only gets the entry added).`,
  exitCodes: [
    [0, 'the project was written'],
    [2, 'a file it would write exists (nothing written), or bad usage'],
  ],
});

export async function command(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'init');
  if (values.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  if (positionals.length) throw new UsageError(`\`stepdoc init\` takes no paths (got ${positionals.join(' ')})`, "run it in the project's folder");
  const files = await templateFiles(TEMPLATES);
  const existing = files.filter((f) => existsSync(path.join(io.cwd, f)));
  if (existing.length) {
    throw new UserError(
      `not overwriting ${existing.join(', ')}`,
      'file-exists',
      undefined,
      'run `stepdoc init` in an empty folder, or move those files away first',
    );
  }
  for (const file of files) {
    const target = path.join(io.cwd, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(path.join(TEMPLATES, file)), { flag: 'wx' });
    io.stdout.write(`wrote ${file}\n`);
  }
  if (await addGitignoreEntry(path.join(io.cwd, '.gitignore'))) io.stdout.write(`added ${GITIGNORE_ENTRY} to .gitignore\n`);
  io.stdout.write('\nNext: npx stepdoc run --mock        (every doc against the mock built from openapi.yaml)\n');
  return ExitCode.Ok;
}

/** Relative paths (with `/`) of every file under the template folder. */
async function templateFiles(root: string, under = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, under), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? templateFiles(root, `${under}${e.name}/`) : [`${under}${e.name}`])));
  return nested.flat().sort();
}

async function addGitignoreEntry(file: string): Promise<boolean> {
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  if (text.split(/\r?\n/).some((line) => line.trim() === GITIGNORE_ENTRY || line.trim() === '/reports/' || line.trim() === 'reports')) return false;
  await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}${GITIGNORE_ENTRY}\n`);
  return true;
}
