/**
 * The page script, inline and dependency-free (ES2017). It builds every node with textContent,
 * never innerHTML, so nothing from a response can become markup. Kept as a string (not a bundled
 * function) so tsc and test transforms cannot inject helpers into it; it must not contain a
 * backtick, a dollar-brace or a closing script tag.
 */
export const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var view = JSON.parse(document.getElementById('stepdoc-data').textContent);
  var run = view.run;
  var state = { status: 'all', domain: '', tag: '', q: '' };

  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach(function (c) {
      if (c === undefined || c === null || c === false) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function ms(n) { return n < 1000 ? Math.round(n) + ' ms' : (n / 1000).toFixed(2) + ' s'; }
  function show(v) {
    if (v === undefined) return '—';
    if (typeof v === 'string') return JSON.stringify(v);
    try { return JSON.stringify(v, null, 2); } catch (e) { return String(v); }
  }
  function pretty(v) {
    if (v === undefined || v === null) return v === null ? 'null' : '';
    if (typeof v === 'string') {
      try { var p = JSON.parse(v); if (p && typeof p === 'object') return JSON.stringify(p, null, 2); } catch (e) { /* not JSON */ }
      return v;
    }
    return JSON.stringify(v, null, 2);
  }
  function badge(status) { return h('span', { class: 'badge ' + status, text: status }); }

  function failureText(step) {
    if (step.error) return step.error.code + ': ' + step.error.message;
    var lines = [];
    step.checks.forEach(function (c) {
      if (c.passed || c.severity === 'warning') return;
      var line = c.name;
      if (c.expected !== undefined || c.actual !== undefined) line += '\n  expected: ' + show(c.expected) + '\n  actual:   ' + show(c.actual);
      if (c.message) line += '\n  ' + c.message;
      lines.push(line);
    });
    return lines.join('\n') || 'step failed';
  }

  function headersPre(headers) {
    var keys = Object.keys(headers || {});
    if (!keys.length) return null;
    return h('pre', { class: 'headers', text: keys.map(function (k) { return k + ': ' + headers[k]; }).join('\n') });
  }

  function requestBox(req) {
    if (!req) return h('div', {}, [h('h4', { text: 'Request' }), h('p', { class: 'note', text: 'not sent' })]);
    return h('div', { class: 'request' }, [
      h('h4', { text: 'Request' }),
      h('pre', { text: req.method + ' ' + req.url }),
      headersPre(req.headers),
      req.body !== undefined ? h('pre', { class: 'body', text: pretty(req.body) }) : null,
    ]);
  }

  function responseBox(res) {
    if (!res) return h('div', {}, [h('h4', { text: 'Response' }), h('p', { class: 'note', text: 'no response' })]);
    var note = 'HTTP ' + res.status + ' · ' + ms(res.durationMs) + ' · ' + res.size + ' bytes' + (res.truncated ? ' · truncated' : '');
    return h('div', { class: 'response' }, [
      h('h4', { text: 'Response' }),
      h('p', { class: 'note', text: note }),
      headersPre(res.headers),
      h('pre', { class: 'body', text: pretty(res.body !== undefined ? res.body : res.bodyText) }),
    ]);
  }

  function checksTable(checks) {
    if (!checks.length) return null;
    var rows = checks.map(function (c) {
      var cls = c.passed ? '' : c.severity === 'warning' ? 'warn' : 'fail';
      return h('tr', { class: cls }, [
        h('td', { text: c.passed ? '✓' : c.severity === 'warning' ? '!' : '✗' }),
        h('td', { text: c.name }),
        h('td', { class: 'v expected', text: show(c.expected) }),
        h('td', { class: 'v actual', text: show(c.actual) }),
        h('td', { text: c.message || '' }),
      ]);
    });
    var head = h('tr', {}, ['', 'check', 'expected', 'actual', 'message'].map(function (t) { return h('th', { text: t }); }));
    return h('table', { class: 'checks' }, [h('thead', {}, [head]), h('tbody', {}, rows)]);
  }

  function stepNode(step, doc) {
    var title = (step.fromDoc ? step.fromDoc + ' › ' : '') + step.id + (step.description ? ' — ' + step.description : '');
    var line = step.request ? step.request.method + ' ' + step.request.url : '';
    return h('details', { class: 'step ' + step.status, open: step.status === 'failed', 'data-step': step.id }, [
      h('summary', {}, [h('span', { class: 'phase', text: step.phase }), badge(step.status), h('span', { class: 'path', text: title }),
        h('span', { class: 'endpoint', text: line }), h('span', { class: 'dur', text: ms(step.durationMs) })]),
      step.status === 'failed' ? h('div', { class: 'failure', text: failureText(step) }) : null,
      step.status === 'skipped' || step.status === 'not-sent' || step.status === 'dry-run' ? h('div', { class: 'skipreason', text: step.status + ': ' + (step.skipReason || doc.skipReason || 'no reason given') }) : null,
      step.extracted.length ? h('p', { class: 'note', text: 'extracted: ' + step.extracted.join(', ') }) : null,
      step.attempts.length > 1 ? h('p', { class: 'note', text: 'attempts: ' + step.attempts.length }) : null,
      checksTable(step.checks),
      h('div', { class: 'io' }, [requestBox(step.request), responseBox(step.response)]),
      step.curl ? h('details', { class: 'curl' }, [h('summary', { text: 'Copy as curl' }), h('pre', { class: 'curl', text: step.curl })]) : null,
    ]);
  }

  function waterfall(doc) {
    if (!doc.steps.length) return null;
    var t0 = Date.parse(doc.startedAt);
    var end = doc.durationMs;
    doc.steps.forEach(function (s) { end = Math.max(end, Date.parse(s.startedAt) - t0 + s.durationMs); });
    end = Math.max(end, 1);
    return h('div', { class: 'waterfall', 'aria-label': 'timeline' }, doc.steps.map(function (s) {
      var left = Math.max(0, (Date.parse(s.startedAt) - t0) / end * 100);
      var width = Math.max(0.3, s.durationMs / end * 100);
      return h('div', { class: 'wf-row' }, [
        h('span', { class: 'wf-label', title: s.id, text: s.id }),
        h('span', { class: 'wf-track' }, [h('span', { class: 'wf-bar ' + s.phase + ' ' + s.status,
          style: 'left:' + left.toFixed(2) + '%;width:' + Math.min(width, 100 - left).toFixed(2) + '%' })]),
        h('span', { class: 'wf-ms', text: ms(s.durationMs) }),
      ]);
    }));
  }

  function diagnosticsNode(list) {
    if (!list.length) return null;
    return h('div', { class: 'diagnostics' }, list.map(function (d) { return h('pre', { class: d.severity, text: d.frame || d.message }); }));
  }

  function docBody(doc) {
    var meta = [];
    if (doc.domain) meta.push('domain: ' + doc.domain);
    if (doc.usedDocs.length) meta.push('uses: ' + doc.usedDocs.join(', '));
    var failedDoc = doc.status === 'failed' && !doc.steps.some(function (s) { return s.status === 'failed'; });
    return h('div', { class: 'doc-body' }, [
      meta.length ? h('p', { class: 'note', text: meta.join(' · ') }) : null,
      doc.tags.length ? h('p', { class: 'tags' }, doc.tags.map(function (t) { return h('span', { text: t }); })) : null,
      doc.skipReason ? h('div', { class: 'skipreason', text: doc.status + ': ' + doc.skipReason }) : null,
      failedDoc ? h('div', { class: 'failure', text: doc.interrupted ? 'interrupted' : 'the doc failed outside its steps' }) : null,
      diagnosticsNode(doc.diagnostics),
      waterfall(doc),
    ].concat(doc.steps.map(function (s) { return stepNode(s, doc); })));
  }

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
