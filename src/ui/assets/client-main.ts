/** The page script, part 3 of 3: actions (run, re-run failed, stop, record) and the live events. */
export const CLIENT_MAIN_JS = `
  function api(method, path, body) {
    var headers = { 'x-stepdoc-token': token };
    if (body) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || 'HTTP ' + r.status); return data; });
    });
  }
  function say(text) { $('status').textContent = text; }
  function failedOfLastRun() {
    if (!S.lastRun) return [];
    return S.lastRun.files.filter(function (f) { return S.results[f] && S.results[f].status === 'failed'; });
  }
  function updateButtons() {
    var picked = Object.keys(S.selected).length;
    $('run').disabled = Boolean(S.running) || picked === 0;
    $('run').textContent = 'Run ' + picked + ' selected';
    $('rerun-failed').disabled = Boolean(S.running) || failedOfLastRun().length === 0;
    $('stop').disabled = !S.running;
    $('record').disabled = Boolean(S.running) || !S.lastRun;
  }
  function start(files) {
    clickedAt = performance.now();
    api('POST', '/api/runs', { files: files }).catch(function (e) { say('not started: ' + e.message); });
  }

  function summaryText(s) {
    return s.passed + ' passed, ' + s.failed + ' failed, ' + s.skipped + ' skipped' + (s.invalid ? ', ' + s.invalid + ' invalid' : '');
  }
  function showRecord(summary) {
    var box = $('record-summary');
    box.textContent = '';
    var written = summary.docs.filter(function (d) { return d.state === 'written' && d.changes.length; });
    box.appendChild(h('h3', { text: 'Recorded ' + written.length + (written.length === 1 ? ' doc' : ' docs') }));
    box.appendChild(h('ul', {}, summary.docs.map(function (d) {
      var what = d.state === 'written' ? d.changes.map(function (c) { return c.key + ' ' + (c.old === undefined || c.old === null || c.old === '' ? '(none)' : String(c.old)) + ' → ' + String(c.new); }).join(' · ') : d.state + (d.message ? ': ' + d.message : '');
      return h('li', { 'data-path': d.displayPath, class: d.state }, [h('b', { text: d.displayPath }), ' ' + what]);
    })));
    box.hidden = false;
  }

  function listen() {
    var events = new EventSource('/api/events?token=' + encodeURIComponent(token));
    function on(name, fn) { events.addEventListener(name, function (e) { fn(JSON.parse(e.data)); }); }
    on('docs', setDocs);
    on('run:start', function (m) {
      S.running = m;
      say('running ' + m.files.length + (m.files.length === 1 ? ' doc…' : ' docs…'));
      updateButtons();
    });
    on('doc:start', function (m) {
      if (clickedAt) { metrics.clickToFirstEvent.push(performance.now() - clickedAt); clickedAt = 0; }
      S.live[m.file] = { steps: 0, list: [] };
      updateRow(m.file);
      if (S.current === m.file) renderResult();
    });
    on('step', function (m) {
      var live = S.live[m.file];
      if (!live) return;
      live.steps++;
      live.list.push(m.step);
      updateRow(m.file);
      if (S.current === m.file) renderResult();
    });
    on('doc:end', function (m) {
      delete S.live[m.doc.file];
      S.results[m.doc.file] = m.doc;
      updateRow(m.doc.file);
      if (S.current === m.doc.file) renderResult();
    });
    on('run:end', function (m) {
      S.running = null;
      S.live = {};
      if (m.error) say('run failed: ' + m.error);
      else { S.lastRun = m; say('last run: ' + summaryText(m.summary) + (m.interrupted ? ' (stopped)' : '')); }
      if (S.filters.status.indexOf('last:') === 0) renderList(); else S.docs.forEach(function (d) { updateRow(d.file); });
      updateButtons();
    });
    on('changed', function (m) {
      say('changed on disk: ' + m.files.length + (m.files.length === 1 ? ' file' : ' files') + (m.rerun.length ? '; re-running ' + m.rerun.length : ''));
      if (S.current) openDoc(S.current);
    });
    on('problem', function (m) { say('problem: ' + m.message); });
    on('record', function (summary) { S.lastRun = null; showRecord(summary); updateButtons(); });
  }

  function init() {
    bindFilters();
    $('run').addEventListener('click', function () { start(Object.keys(S.selected)); });
    $('rerun-failed').addEventListener('click', function () { start(failedOfLastRun()); });
    $('stop').addEventListener('click', function () { api('POST', '/api/runs/stop', {}); });
    $('record').addEventListener('click', function () {
      $('record').disabled = true;
      api('POST', '/api/record', {}).then(showRecord, function (e) { say('not recorded: ' + e.message); updateButtons(); });
    });
    $('select-shown').addEventListener('click', function () { (S.shown || []).forEach(function (d) { S.selected[d.file] = true; }); renderList(); });
    $('select-none').addEventListener('click', function () { S.selected = {}; renderList(); });
    listen();
    api('GET', '/api/state').then(function (state) {
      S.mock = state.mock;
      $('target').textContent = state.mock ? 'target: embedded mock' : 'target: configured API';
      state.results.forEach(function (r) { S.results[r.file] = r; });
      S.lastRun = state.lastRun || null;
      S.running = state.running || null;
      setDocs(state.docs);
    }, function (e) { say('cannot load: ' + e.message + ' (open the URL printed by stepdoc ui, with its token)'); });
  }
  init();
`;
