/**
 * The page script, part 1 of 3: state, the list of docs grouped by domain and folder, filters.
 * Same rules as the HTML report's script (ES2017, textContent only, never innerHTML; no backtick,
 * no dollar-brace, no closing script tag). Parts share one closure (see index.ts).
 */
export const CLIENT_LIST_JS = String.raw`
  var R = stepdocRender, h = R.h, badge = R.badge;
  var token = new URLSearchParams(location.search).get('token') || '';
  var S = { docs: [], byFile: {}, byPath: {}, results: {}, live: {}, selected: {}, current: null, running: null, lastRun: null, mock: false,
    filters: { status: '', domain: '', tag: '', q: '', stale: '' } };
  var rows = {};
  var metrics = window.__stepdocMetrics = { clickToFirstEvent: [] };
  var clickedAt = 0;
  function $(id) { return document.getElementById(id); }

  function age(iso) {
    if (!iso) return 'never verified';
    var days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
    if (isNaN(days)) return 'verified ' + iso;
    return days <= 0 ? 'verified today' : 'verified ' + days + (days === 1 ? ' day' : ' days') + ' ago';
  }
  function staleFor(doc, days) {
    if (!doc.verifiedAt) return true;
    return (Date.now() - Date.parse(doc.verifiedAt)) / 86400000 > days;
  }
  function lastState(file) {
    if (S.live[file]) return 'running';
    return S.results[file] ? S.results[file].status : 'none';
  }
  function matches(doc) {
    var f = S.filters;
    if (f.status.indexOf('last:') === 0) { if (lastState(doc.file) !== f.status.slice(5)) return false; }
    else if (f.status && doc.status !== f.status) return false;
    if (f.domain && (doc.domain || '') !== f.domain) return false;
    if (f.tag && doc.tags.indexOf(f.tag) < 0) return false;
    if (f.stale !== '' && !staleFor(doc, Number(f.stale))) return false;
    if (f.q) {
      var hay = [doc.displayPath, doc.title || '', doc.endpoint || ''].join(' ').toLowerCase();
      if (hay.indexOf(f.q) < 0) return false;
    }
    return true;
  }

  function lastNode(file) {
    var live = S.live[file];
    if (live) return h('span', { class: 'last running', 'data-result': 'running', text: 'running · ' + live.steps + (live.steps === 1 ? ' step' : ' steps') });
    var r = S.results[file];
    if (!r) return h('span', { class: 'last', 'data-result': 'none', text: '—' });
    return h('span', { class: 'last', 'data-result': r.status }, [badge(r.status), ' ' + R.ms(r.durationMs)]);
  }
  function updateRow(file) {
    var row = rows[file];
    if (!row) return;
    var old = row.querySelector('.last');
    row.replaceChild(lastNode(file), old);
  }

  function rowNode(doc) {
    var pick = h('input', { type: 'checkbox', class: 'pick', 'aria-label': 'select ' + doc.displayPath, checked: Boolean(S.selected[doc.file]),
      onchange: function () { if (pick.checked) S.selected[doc.file] = true; else delete S.selected[doc.file]; updateButtons(); } });
    var row = h('li', { class: 'doc' + (S.current === doc.file ? ' current' : ''), 'data-file': doc.file, 'data-path': doc.displayPath }, [
      pick,
      h('span', { class: 'badge fm ' + doc.status, text: doc.errors.length ? 'invalid' : doc.status }),
      h('button', { type: 'button', class: 'open path', text: doc.displayPath, onclick: function () { openDoc(doc.file); } }),
      h('span', { class: 'endpoint', text: doc.endpoint || '' }),
      h('span', { class: 'age', text: age(doc.verifiedAt) }),
      h('span', { class: 'reused', text: 'reused ' + (doc.timesReused || 0) + '×' }),
      lastNode(doc.file),
    ]);
    rows[doc.file] = row;
    return row;
  }

  function renderList() {
    var list = $('list');
    list.textContent = '';
    rows = {};
    var shown = S.docs.filter(matches);
    var groups = {};
    shown.forEach(function (d) {
      var key = (d.domain || '(no domain)') + '\u0000' + d.folder;
      (groups[key] = groups[key] || []).push(d);
    });
    var lastDomain = null;
    Object.keys(groups).sort().forEach(function (key) {
      var parts = key.split('\u0000');
      if (parts[0] !== lastDomain) { list.appendChild(h('h2', { class: 'domain', text: parts[0] })); lastDomain = parts[0]; }
      list.appendChild(h('h3', { class: 'folder', text: parts[1] }));
      list.appendChild(h('ul', { class: 'docs' }, groups[key].map(rowNode)));
    });
    if (!shown.length) list.appendChild(h('p', { class: 'empty', text: 'No docs match these filters.' }));
    $('count').textContent = shown.length + ' of ' + S.docs.length + ' docs';
    S.shown = shown;
    updateButtons();
  }

  function options(select, values, all) {
    var current = select.value;
    select.textContent = '';
    select.appendChild(h('option', { value: '', text: all }));
    values.forEach(function (v) { select.appendChild(h('option', { value: v[0], text: v[1] })); });
    select.value = current;
  }
  function distinct(pick) {
    var seen = {};
    S.docs.forEach(function (d) { pick(d).forEach(function (v) { if (v) seen[v] = true; }); });
    return Object.keys(seen).sort().map(function (v) { return [v, v]; });
  }
  function renderFilters() {
    options($('f-status'), distinct(function (d) { return [d.status]; }).concat([
      ['last:passed', 'last run: passed'], ['last:failed', 'last run: failed'], ['last:none', 'not run yet']]), 'all statuses');
    options($('f-domain'), distinct(function (d) { return [d.domain]; }), 'all domains');
    options($('f-tag'), distinct(function (d) { return d.tags; }), 'all tags');
  }
  function bindFilters() {
    [['f-status', 'status'], ['f-domain', 'domain'], ['f-tag', 'tag']].forEach(function (p) {
      $(p[0]).addEventListener('change', function () { S.filters[p[1]] = $(p[0]).value; renderList(); });
    });
    $('f-text').addEventListener('input', function () { S.filters.q = $('f-text').value.trim().toLowerCase(); renderList(); });
    $('f-stale').addEventListener('input', function () { var v = $('f-stale').value.trim(); S.filters.stale = /^\d+$/.test(v) ? v : ''; renderList(); });
  }
  function setDocs(docs) {
    S.docs = docs;
    S.byFile = {};
    S.byPath = {};
    docs.forEach(function (d) { S.byFile[d.file] = d; S.byPath[d.displayPath] = d; });
    Object.keys(S.selected).forEach(function (f) { if (!S.byFile[f]) delete S.selected[f]; });
    renderFilters();
    renderList();
    // The open doc may have changed on disk (an edit, a recording): show it as it is now.
    if (S.current && S.byFile[S.current]) openDoc(S.current);
  }
`;
