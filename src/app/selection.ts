import type { RunProjectOptions } from './types.js';

/** "no docs matched …": what the selection was, in the user's words (the flags they passed). */
export function noDocsMessage(options: RunProjectOptions): string {
  const parts: string[] = [];
  parts.push(options.paths?.length ? options.paths.join(' ') : 'scenarios');
  for (const t of options.tags ?? []) parts.push(`--tag ${t}`);
  for (const d of options.domains ?? []) parts.push(`--domain ${d}`);
  if (options.grep !== undefined) parts.push(`--grep ${options.grep}`);
  if (options.shard) parts.push(`--shard ${options.shard.index}/${options.shard.total}`);
  return `no docs matched ${parts.join(' ')}; nothing was run (pass --pass-with-no-docs to allow an empty selection)`;
}
