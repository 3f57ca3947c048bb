import { CLIENT_JS } from './client.js';
import { STYLES } from './styles.js';
import { escapeHtml } from './escape.js';

/**
 * No network at all: the CSP forbids every fetch, image, font and frame, so the page behaves the
 * same offline, from a CI artefact, or opened from disk.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderPage(title: string, dataJson: string): string {
  if (/<\/script/i.test(CLIENT_JS) || /<\/style/i.test(STYLES)) throw new Error('inline asset would close its element');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header id="summary"></header>
<nav id="filters" aria-label="Filters"></nav>
<main id="docs"></main>
<noscript><p class="noscript">This report renders with JavaScript; the data is also in report.json.</p></noscript>
<script type="application/json" id="stepdoc-data">${dataJson}</script>
<script>${CLIENT_JS}</script>
</body>
</html>
`;
}
