/**
 * The package's own folder (package.json, templates/), found from this file: it sits two levels
 * below the package root in src/, in dist/ and in the CLI bundle (dist/bundle/, scripts/bundle.mjs) alike.
 */
export const PACKAGE_DIR = new URL('../../', import.meta.url);
