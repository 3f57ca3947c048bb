import { DOC_RENDER_JS } from '../../report/html/doc-render.js';
import { STYLES } from '../../report/html/styles.js';
import { CLIENT_DETAIL_JS } from './client-detail.js';
import { CLIENT_LIST_JS } from './client-list.js';
import { CLIENT_MAIN_JS } from './client-main.js';
import { UI_STYLES } from './styles.js';

/**
 * The page's assets, served by the UI's server from memory: no build step, no framework. The
 * result rendering is the HTML report's (doc-render.ts), so a failure looks the same in both.
 */
export const ASSETS: Record<string, { type: string; text: string } | undefined> = {
  '/assets/render.js': { type: 'text/javascript; charset=utf-8', text: DOC_RENDER_JS },
  '/assets/app.js': {
    type: 'text/javascript; charset=utf-8',
    text: `(function () {\n  'use strict';\n${CLIENT_LIST_JS}${CLIENT_DETAIL_JS}${CLIENT_MAIN_JS}})();\n`,
  },
  '/assets/style.css': { type: 'text/css; charset=utf-8', text: STYLES + UI_STYLES },
};

/** The page shell: no data in it (the page fetches /api/state with its token), so it is safe to serve to anyone on loopback. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>stepdoc ui</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header id="bar">
<h1>stepdoc ui</h1>
<button type="button" id="run" class="primary" disabled>Run selected</button>
<button type="button" id="rerun-failed" disabled>Re-run failed</button>
<button type="button" id="stop" disabled>Stop</button>
<button type="button" id="record" disabled>Record these results</button>
<span id="status" role="status"></span>
<span id="target"></span>
</header>
<nav id="filters" aria-label="Filters">
<select id="f-status" aria-label="status"></select>
<select id="f-domain" aria-label="domain"></select>
<select id="f-tag" aria-label="tag"></select>
<input type="search" id="f-text" placeholder="filter by path, title or endpoint" aria-label="text">
<label>stale for more than <input type="number" id="f-stale" min="0" aria-label="stale days"> days</label>
<button type="button" id="select-shown">Select shown</button>
<button type="button" id="select-none">Select none</button>
<span class="count" id="count"></span>
</nav>
<div id="panes">
<section id="list" aria-label="Docs"></section>
<section id="detail" aria-label="Doc">
<header><h2 id="detail-title">Pick a doc</h2><p class="note" id="detail-meta"></p></header>
<div id="record-summary" hidden></div>
<div><h3>Result</h3><div id="result"></div></div>
<div><h3 id="source-title">Markdown</h3><pre id="source" aria-label="Markdown source"></pre></div>
</section>
</div>
<script src="/assets/render.js"></script>
<script src="/assets/app.js"></script>
</body>
</html>
`;
}
