/**
 * The rendering of one doc result (steps, checks with expected vs actual, request, response,
 * timeline), shared by the HTML report and `stepdoc ui`. Same rules as the report's script:
 * ES2017, every node built with textContent, never innerHTML; a string (not a bundled function)
 * that must not contain a backtick, a dollar-brace or a closing script tag. It defines one global,
 * `stepdocRender`.
 */
export const DOC_RENDER_JS = String.raw`
var stepdocRender = (function () {
  'use strict';
  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'style') e.style.cssText = v; // CSSOM: allowed by a CSP without 'unsafe-inline' (stepdoc ui)
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

  // extra(step), when given, adds a node under the step's failure (the UI's link to file:line).
  function stepNode(step, doc, extra) {
    var title = (step.fromDoc ? step.fromDoc + ' › ' : '') + step.id + (step.description ? ' — ' + step.description : '');
    var line = step.request ? step.request.method + ' ' + step.request.url : '';
    return h('details', { class: 'step ' + step.status, open: step.status === 'failed', 'data-step': step.id }, [
      h('summary', {}, [h('span', { class: 'phase', text: step.phase }), badge(step.status), h('span', { class: 'path', text: title }),
        h('span', { class: 'endpoint', text: line }), h('span', { class: 'dur', text: ms(step.durationMs) })]),
      step.status === 'failed' ? h('div', { class: 'failure', text: failureText(step) }) : null,
      extra ? extra(step) : null,
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

  function docBody(doc, extra) {
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
    ].concat(doc.steps.map(function (s) { return stepNode(s, doc, extra); })));
  }

  return { h: h, ms: ms, show: show, badge: badge, docBody: docBody, stepNode: stepNode, diagnosticsNode: diagnosticsNode };
})();
`;
