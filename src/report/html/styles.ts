/** The report's stylesheet, inline. System fonts only: no web fonts, no network. */
export const STYLES = `
:root { --bg:#f6f7f9; --card:#fff; --ink:#1d2330; --muted:#667085; --line:#e3e6eb;
  --pass:#1a7f37; --fail:#cf222e; --skip:#9a6700; --invalid:#8250df; --accent:#0969da;
  --setup:#8fb3e8; --test:#5b8def; --teardown:#b4bcc8; font-size:14px; }
@media (prefers-color-scheme: dark) { :root { --bg:#0d1117; --card:#161b22; --ink:#e6edf3; --muted:#8d96a0;
  --line:#30363d; --pass:#3fb950; --fail:#f85149; --skip:#d29922; --invalid:#a371f7; --accent:#4493f8; } }
* { box-sizing:border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
header#summary { padding:16px 24px; background:var(--card); border-bottom:1px solid var(--line); }
header h1 { margin:0 0 4px; font-size:20px; }
.meta { color:var(--muted); font-size:12px; }
.chips { display:flex; gap:8px; margin-top:10px; flex-wrap:wrap; }
.chip { border:1px solid var(--line); border-radius:16px; padding:4px 12px; background:var(--card); cursor:pointer; color:var(--ink); font:inherit; }
.chip b { font-size:16px; margin-right:4px; }
.chip.passed b { color:var(--pass); } .chip.failed b { color:var(--fail); }
.chip.skipped b { color:var(--skip); } .chip.invalid b { color:var(--invalid); }
.chip[aria-pressed="true"] { outline:2px solid var(--accent); }
nav#filters { display:flex; gap:12px; align-items:center; padding:10px 24px; flex-wrap:wrap; position:sticky; top:0; background:var(--bg); border-bottom:1px solid var(--line); z-index:2; }
nav select, nav input { font:inherit; padding:4px 8px; border:1px solid var(--line); border-radius:6px; background:var(--card); color:var(--ink); }
nav .count { color:var(--muted); margin-left:auto; }
main#docs { padding:12px 24px 48px; }
.empty { color:var(--muted); padding:24px; text-align:center; }
details.doc { background:var(--card); border:1px solid var(--line); border-left:4px solid var(--muted); border-radius:6px; margin:8px 0; }
details.doc.passed { border-left-color:var(--pass); } details.doc.failed { border-left-color:var(--fail); }
details.doc.skipped { border-left-color:var(--skip); } details.doc.invalid { border-left-color:var(--invalid); }
details.doc > summary { display:flex; gap:12px; align-items:baseline; padding:10px 14px; cursor:pointer; list-style:none; }
details.doc > summary::-webkit-details-marker { display:none; }
.path { font-weight:600; word-break:break-all; } .endpoint { font-family:ui-monospace,Menlo,Consolas,monospace; color:var(--muted); }
.dur { margin-left:auto; color:var(--muted); white-space:nowrap; }
.badge { text-transform:uppercase; font-size:11px; font-weight:700; letter-spacing:.04em; padding:2px 6px; border-radius:4px; color:#fff; background:var(--muted); white-space:nowrap; }
.badge.passed { background:var(--pass); } .badge.failed { background:var(--fail); }
.badge.skipped { background:var(--skip); } .badge.invalid { background:var(--invalid); }
.badge.dry-run, .badge.not-sent, .badge.not-run { background:var(--skip); }
.chip.dry-run b, .chip.not-sent b, .chip.not-run b { color:var(--skip); }
.doc-body { padding:0 14px 14px; }
.tags span { display:inline-block; border:1px solid var(--line); border-radius:10px; padding:0 8px; margin-right:4px; font-size:12px; }
.note { color:var(--muted); margin:6px 0; }
.waterfall { margin:10px 0 14px; border:1px solid var(--line); border-radius:6px; padding:8px; }
.wf-row { display:grid; grid-template-columns:minmax(120px,220px) 1fr 70px; gap:8px; align-items:center; height:20px; font-size:12px; }
.wf-label { overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.wf-track { position:relative; height:10px; background:var(--bg); border-radius:3px; }
.wf-bar { position:absolute; top:0; height:10px; min-width:2px; border-radius:3px; background:var(--test); }
.wf-bar.setup { background:var(--setup); } .wf-bar.teardown { background:var(--teardown); }
.wf-bar.failed { background:var(--fail); } .wf-bar.skipped { background:repeating-linear-gradient(45deg,var(--skip),var(--skip) 3px,transparent 3px,transparent 6px); }
.wf-ms { text-align:right; color:var(--muted); }
details.step { border-top:1px solid var(--line); padding:6px 0; }
details.step > summary { cursor:pointer; display:flex; gap:10px; align-items:baseline; }
.phase { font-size:11px; color:var(--muted); text-transform:uppercase; width:64px; }
.failure { border:1px solid var(--fail); border-left:4px solid var(--fail); background:color-mix(in srgb, var(--fail) 8%, var(--card)); padding:8px 10px; border-radius:4px; margin:8px 0; white-space:pre-wrap; word-break:break-word; }
.skipreason { border-left:4px solid var(--skip); padding:4px 10px; margin:8px 0; }
table.checks { border-collapse:collapse; width:100%; margin:6px 0; font-size:13px; }
table.checks th, table.checks td { border:1px solid var(--line); padding:4px 6px; text-align:left; vertical-align:top; }
table.checks td.v { font-family:ui-monospace,Menlo,Consolas,monospace; white-space:pre-wrap; word-break:break-all; max-width:360px; }
table.checks tr.fail td { background:color-mix(in srgb, var(--fail) 10%, var(--card)); }
table.checks tr.warn td { background:color-mix(in srgb, var(--skip) 10%, var(--card)); }
.io { display:grid; grid-template-columns:1fr 1fr; gap:10px; }
@media (max-width:900px) { .io { grid-template-columns:1fr; } }
.io h4 { margin:8px 0 4px; font-size:13px; }
pre { background:var(--bg); border:1px solid var(--line); border-radius:4px; padding:8px; overflow:auto; max-height:420px; margin:4px 0; font:12px/1.4 ui-monospace,Menlo,Consolas,monospace; white-space:pre-wrap; word-break:break-all; }
.noscript { padding:24px; }
`;
