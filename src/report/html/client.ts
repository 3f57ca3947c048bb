import { DOC_RENDER_JS } from './doc-render.js';

/**
 * The page script, inline and dependency-free (ES2017). It builds every node with textContent,
 * never innerHTML, so nothing from a response can become markup. Kept as a string (not a bundled
 * function) so tsc and test transforms cannot inject helpers into it; it must not contain a
 * backtick, a dollar-brace or a closing script tag.
 */
export const CLIENT_JS =
  DOC_RENDER_JS +
  `
(function () {
  'use strict';
  var view = JSON.parse(document.getElementById('stepdoc-data').textContent);
  var run = view.run;
  var state = { status: 'all', domain: '', tag: '', q: '' };
  var R = stepdocRender;
  var h = R.h, ms = R.ms, badge = R.badge, docBody = R.docBody, diagnosticsNode = R.diagnosticsNode;

  function docNode(doc) {
    var node = h('details', { class: 'doc ' + doc.status, 'data-path': doc.displayPath, 'data-status': doc.status }, [
      h('summary', {}, [badge(doc.status), h('span', { class: 'path', text: doc.displayPath }),
        h('span', { class: 'endpoint', text: doc.endpoint || '' }), h('span', { class: 'dur', text: ms(doc.durationMs) })]),
    ]);
    var built = false;
    node.addEventListener('toggle', function () {
      if (node.open && !built) { built = true; node.appendChild(docBody(doc)); }
    });
    node._doc = doc;
    return node;
  }

  function invalidNode(entry) {
    return h('details', { class: 'doc invalid', 'data-path': entry.file, 'data-status': 'invalid', open: true }, [
      h('summary', {}, [badge('invalid'), h('span', { class: 'path', text: entry.file }), h('span', { class: 'endpoint', text: 'not run' })]),
      h('div', { class: 'doc-body' }, [diagnosticsNode(entry.diagnostics)]),
    ]);
  }

  function matches(node) {
    var doc = node._doc;
    var status = node.getAttribute('data-status');
    if (state.status !== 'all' && state.status !== status) return false;
    if (state.q && node.getAttribute('data-path').toLowerCase().indexOf(state.q) < 0 &&
        !(doc && doc.endpoint && doc.endpoint.toLowerCase().indexOf(state.q) >= 0)) return false;
    if (!doc) return !state.domain && !state.tag;
    if (state.domain && doc.domain !== state.domain) return false;
    if (state.tag && doc.tags.indexOf(state.tag) < 0) return false;
    return true;
  }

  var list = document.getElementById('docs');
  var nodes = run.docs.map(docNode).concat(view.invalid.map(invalidNode));
  nodes.forEach(function (n) { list.appendChild(n); });
  var empty = h('p', { class: 'empty', text: 'No docs match these filters.' });
  list.appendChild(empty);
  var countNode = h('span', { class: 'count' });
  var chips = [];

  function apply() {
    var shown = 0;
    nodes.forEach(function (n) { var ok = matches(n); n.hidden = !ok; if (ok) shown++; });
    empty.hidden = shown > 0;
    countNode.textContent = shown + ' of ' + nodes.length + ' docs';
    chips.forEach(function (c) { c.setAttribute('aria-pressed', String(c.getAttribute('data-status') === state.status)); });
    statusSelect.value = state.status;
  }

  function distinct(pick) {
    var seen = {};
    run.docs.forEach(function (d) { pick(d).forEach(function (v) { if (v) seen[v] = true; }); });
    return Object.keys(seen).sort();
  }
  function select(id, label, values, key) {
    var s = h('select', { id: id, 'aria-label': label, onchange: function () { state[key] = s.value; apply(); } },
      [h('option', { value: '', text: 'all ' + label + 's' })].concat(values.map(function (v) { return h('option', { value: v, text: v }); })));
    return s;
  }

  var statuses = ['all', 'failed', 'passed', 'skipped', 'dry-run', 'not-sent', 'not-run', 'invalid'];
  var statusSelect = h('select', { id: 'filter-status', 'aria-label': 'status', onchange: function () { state.status = statusSelect.value; apply(); } },
    statuses.map(function (v) { return h('option', { value: v, text: v === 'all' ? 'all statuses' : v }); }));
  var search = h('input', { type: 'search', id: 'filter-text', placeholder: 'filter by path or endpoint', oninput: function () { state.q = search.value.trim().toLowerCase(); apply(); } });
  document.getElementById('filters').appendChild(h('div', { style: 'display:contents' }, [
    statusSelect,
    select('filter-domain', 'domain', distinct(function (d) { return [d.domain]; }), 'domain'),
    select('filter-tag', 'tag', distinct(function (d) { return d.tags; }), 'tag'),
    search, countNode,
  ]));

  function notSentLine(by) {
    var parts = Object.keys(by).map(function (k) { return by[k] + (by[k] === 1 ? ' step' : ' steps') + ' not sent: ' + k; });
    return parts.length ? h('div', { class: 'meta not-sent', text: parts.join(' · ') }) : null;
  }
  var s = run.summary;
  var when = new Date(run.startedAt);
  var metaText = 'run ' + run.runId + ' · ' + (isNaN(when) ? run.startedAt : when.toLocaleString()) + ' · ' + ms(run.durationMs) +
    ' · stepdoc ' + run.stepdocVersion + (run.shard ? ' · shard ' + run.shard.index + '/' + run.shard.total : '') +
    (run.environment.mock ? ' · mock' : '') + ' · node ' + run.environment.node + (run.interrupted ? ' · INTERRUPTED' : '');
  function chip(status, n, label) {
    var c = h('button', { class: 'chip ' + status, 'data-status': status, type: 'button',
      onclick: function () { state.status = state.status === status ? 'all' : status; apply(); } }, [h('b', { text: String(n) }), label]);
    chips.push(c);
    return c;
  }
  var ok = s.failed === 0 && s.invalid === 0 && !run.interrupted;
  document.getElementById('summary').appendChild(h('div', {}, [
    h('h1', {}, [badge(ok ? 'passed' : run.interrupted ? 'interrupted' : 'failed'), ' stepdoc: ' + s.total + ' docs']),
    h('div', { class: 'meta', text: metaText }),
    h('div', { class: 'chips' }, [chip('all', s.total, 'total'), chip('passed', s.passed, 'passed'), chip('failed', s.failed, 'failed'),
      chip('skipped', s.skipped, 'skipped'), chip('dry-run', s.dryRun || 0, 'dry run'), chip('not-sent', s.notSent || 0, 'not sent'),
      chip('not-run', s.notRun || 0, 'not run'), chip('invalid', s.invalid, 'invalid')]),
    notSentLine(s.stepsNotSent || {}),
  ]));
  apply();
})();
`;
