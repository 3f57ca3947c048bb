/** The front door: every caller (CLI, library, UI) loads and runs a project through these. */
export { loadProject } from './load-project.js';
export { runProject } from './run-project.js';
export { checkOptionKeys, RUN_PROJECT_KEYS } from './option-keys.js';
export { PREFLIGHT_CODES } from './preflight.js';
export type * from './types.js';
