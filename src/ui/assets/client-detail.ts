/** The page script, part 2 of 3: one doc beside its Markdown — result, live steps, file:line links. */
export const CLIENT_DETAIL_JS = String.raw`
  function failureLine(step) {
    var check = (step.checks || []).filter(function (c) { return !c.passed && c.severity !== 'warning' && c.span; })[0];
    return check ? check.span.line : step.span.line;
  }
  function shownPath(file) { return S.byFile[file] ? S.byFile[file].displayPath : file; }
  // Under a failed step: where to fix it, as file:line; a click shows that line in the Markdown.
  function stepLink(step) {
    if (step.status !== 'failed') return null;
    // Spans carry display paths (or absolute ones): back to the doc's key.
    var span = step.span.file;
    var file = S.byFile[span] ? span : S.byPath[span] ? S.byPath[span].file : S.current;
    var line = failureLine(step);
    return h('p', { class: 'where' }, ['at ', h('a', { href: '#L' + line, class: 'fileline', text: shownPath(file) + ':' + line,
      onclick: function (e) { e.preventDefault(); showLine(file, line); } })]);
  }

  function showLine(file, line) {
    var go = function () {
      var pre = $('source');
      var old = pre.querySelector('.hl');
      if (old) old.classList.remove('hl');
      var node = pre.querySelector('[data-line="' + Number(line) + '"]');
      if (node) { node.classList.add('hl'); node.scrollIntoView({ block: 'center' }); }
    };
    if (file === S.sourceFile) go(); else loadSource(file).then(go);
  }

  function loadSource(file) {
    S.sourceFile = file;
    $('source-title').textContent = shownPath(file);
    return api('GET', '/api/source?file=' + encodeURIComponent(file)).then(function (data) {
      if (S.sourceFile !== file) return;
      var pre = $('source');
      pre.textContent = '';
      data.text.split('\n').forEach(function (text, i) {
        pre.appendChild(h('span', { class: 'line', 'data-line': i + 1 }, [h('span', { class: 'ln', text: String(i + 1) }), text + '\n']));
      });
    }, function (error) { $('source').textContent = 'cannot read the doc: ' + error.message; });
  }

  function openDoc(file) {
    S.current = file;
    Object.keys(rows).forEach(function (f) { rows[f].classList.toggle('current', f === file); });
    var doc = S.byFile[file];
    $('detail-title').textContent = doc ? doc.displayPath : file;
    $('detail-meta').textContent = doc ? [doc.title, doc.endpoint, doc.domain && 'domain: ' + doc.domain, age(doc.verifiedAt),
      'status: ' + doc.status, 'reused ' + (doc.timesReused || 0) + '×'].filter(Boolean).join(' · ') : '';
    renderResult();
    loadSource(file);
  }

  function renderResult() {
    var box = $('result');
    box.textContent = '';
    var file = S.current;
    if (!file) return;
    var doc = S.byFile[file];
    if (doc && doc.errors.length) box.appendChild(R.diagnosticsNode(doc.errors.map(function (d) { return { severity: d.severity, message: 'error[' + d.code + ']: ' + d.message + (d.span ? ' (line ' + d.span.line + ')' : '') }; })));
    var live = S.live[file];
    if (live) {
      box.appendChild(h('p', { class: 'note live', text: 'running…' }));
      box.appendChild(h('ul', { class: 'live-steps' }, live.list.map(function (s) {
        return h('li', { 'data-step': s.id }, [badge(s.status), ' ' + s.phase + ' ' + s.id]);
      })));
      return;
    }
    var result = S.results[file];
    if (!result) { box.appendChild(h('p', { class: 'note', text: 'Not run since the UI started.' })); return; }
    box.appendChild(h('div', { class: 'result-head' }, [badge(result.status), ' ' + R.ms(result.durationMs) + ' · ' + new Date(result.finishedAt).toLocaleTimeString()]));
    box.appendChild(R.docBody(result, stepLink));
  }
`;
