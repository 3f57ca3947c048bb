import { createRequire } from 'node:module';

/** stepdoc's version, stamped into every run result. */
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
