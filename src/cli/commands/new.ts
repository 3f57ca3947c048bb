import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode } from '../../core/exit-codes.js';
import { UsageError, UserError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { formatHelp } from '../help.js';

const OPTIONS = {
  swagger: { type: 'string' },
  out: { type: 'string' },
  domain: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = formatHelp({
  usage: 'stepdoc new --swagger FILE "METHOD /path" [--out FILE] [--domain NAME]',
  summary: `Writes a draft doc for one operation of a swagger file: status pending, complete frontmatter, a Test
Request step with a body built from the request schema (required fields, examples), expect.status from
the spec's success codes, and a Parameters Reference table. The draft lints clean.`,
  groups: [
    {
      title: 'Options',
      options: [
        ['--out FILE', 'default scenarios/<domain>/<method>_<path>.md; an existing file is never overwritten'],
        ['--domain NAME', "default: the folder under swagger/ holding the spec, else the spec's file name"],
      ],
    },
  ],
  exitCodes: [
    [0, 'the draft was written'],
    [2, 'no such spec or operation, the file exists, or bad usage'],
  ],
});

export async function command(argv: string[], io: CliIO): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, OPTIONS, 'new');
  if (v.help) {
    io.stdout.write(HELP);
    return ExitCode.Ok;
  }
  if (!v.swagger) throw new UsageError('`stepdoc new` needs --swagger FILE', 'e.g. stepdoc new --swagger swagger/api.json "POST /v1/widgets"');
  const endpoint = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(positionals.join(' '));
  if (!endpoint) throw new UsageError('expected the operation as "METHOD /path"', 'e.g. stepdoc new --swagger swagger/api.json "POST /v1/widgets"');
  const method = endpoint[1].toUpperCase();
  const apiPath = endpoint[2];
  const specFile = path.resolve(io.cwd, v.swagger);
  if (!existsSync(specFile)) throw new UserError(`swagger file ${v.swagger} not found`, 'swagger-not-found');

  const [{ loadSpecCached }, { findOperation, operationIndex }, { validatorFor }, { draftDoc }, names] = await Promise.all([
    import('../../openapi/cache.js'),
    import('../../openapi/lookup.js'),
    import('../../openapi/validator-cache.js'),
    import('../../scaffold/draft.js'),
    import('../../scaffold/names.js'),
  ]);
  const load = await loadSpecCached(specFile);
  if (!load.spec) throw new UserError(load.diagnostics[0]?.message ?? `cannot load ${v.swagger}`, 'spec-invalid');
  const spec = load.spec;
  const operation = findOperation(spec, method, apiPath);
  if (!operation) {
    const help = didYouMean(`${method} ${apiPath}`, operationIndex(spec).routes());
    throw new UserError(`\`${method} ${apiPath}\` is not an operation of ${v.swagger}`, 'swagger-operation-not-found', undefined, help);
  }
  const domain = names.domainOf(specFile, io.cwd, v.domain);
  const out = path.resolve(io.cwd, v.out ?? names.defaultOut(domain, method, apiPath));
  const display = path.relative(io.cwd, out).split(path.sep).join('/');
  if (existsSync(out))
    throw new UserError(`${display} already exists; not overwritten`, 'file-exists', undefined, 'choose another --out, or delete the file first');
  const swagger = path.relative(io.cwd, specFile).split(path.sep).join('/');
  const text = draftDoc({ operation, validator: await validatorFor(spec), method, path: apiPath, swagger, domain, now: new Date() });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, text, { flag: 'wx' });
  io.stdout.write(`wrote ${display} (status: pending) — run \`stepdoc lint ${display}\` after editing it\n`);
  return ExitCode.Ok;
}
