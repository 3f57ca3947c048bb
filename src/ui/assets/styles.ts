/** The dashboard's own layout, on top of the HTML report's stylesheet (same colours, same result styles). */
export const UI_STYLES = `
body { display:grid; grid-template-rows:auto auto 1fr; height:100vh; }
header#bar { display:flex; gap:10px; align-items:center; padding:10px 16px; background:var(--card); border-bottom:1px solid var(--line); flex-wrap:wrap; }
header#bar h1 { font-size:18px; margin:0 12px 0 0; }
header#bar button { font:inherit; padding:4px 10px; border:1px solid var(--line); border-radius:6px; background:var(--card); color:var(--ink); cursor:pointer; }
header#bar button:disabled { opacity:.5; cursor:default; }
header#bar button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
#status, #target { color:var(--muted); }
#target { margin-left:auto; }
nav#filters input[type=number] { width:70px; }
#panes { display:grid; grid-template-columns:minmax(340px, 2fr) 5fr; min-height:0; }
#list { overflow:auto; padding:8px 16px 40px; border-right:1px solid var(--line); }
#list h2.domain { font-size:15px; margin:14px 0 2px; }
#list h3.folder { font-size:12px; color:var(--muted); font-weight:600; margin:6px 0 2px; }
ul.docs { list-style:none; margin:0; padding:0; }
li.doc { display:grid; grid-template-columns:auto auto 1fr auto; grid-template-areas:"pick badge path last" ". . endpoint endpoint" ". . meta meta"; gap:0 8px; align-items:baseline; padding:5px 6px; border-radius:6px; }
li.doc.current { background:var(--card); outline:1px solid var(--accent); }
li.doc .pick { grid-area:pick; } li.doc .fm { grid-area:badge; } li.doc .last { grid-area:last; white-space:nowrap; }
li.doc button.open { grid-area:path; text-align:left; background:none; border:0; padding:0; color:var(--ink); font:inherit; font-weight:600; cursor:pointer; word-break:break-all; }
li.doc .endpoint { grid-area:endpoint; font-size:12px; }
li.doc .age, li.doc .reused { font-size:12px; color:var(--muted); }
li.doc .age { grid-area:meta; } li.doc .reused { grid-area:meta; justify-self:end; }
.badge.verified { background:var(--pass); } .badge.pending, .badge.skip, .badge.skipped, .badge.unknown { background:var(--skip); }
.badge.running { background:var(--accent); } .last.running { color:var(--accent); font-size:12px; }
#detail { overflow-y:auto; overflow-x:hidden; padding:12px 16px 40px; display:grid; grid-template-columns:minmax(0, 3fr) minmax(0, 2fr); gap:12px; align-content:start; }
#detail > div { min-width:0; }
#detail > header, #record-summary { grid-column:1 / -1; }
#detail h2 { margin:0; font-size:16px; word-break:break-all; }
#source { max-height:none; counter-reset:none; }
#source .line { display:block; } #source .ln { display:inline-block; width:3em; color:var(--muted); user-select:none; }
#source .hl { background:color-mix(in srgb, var(--fail) 18%, transparent); }
.where a { color:var(--accent); }
#result details.step > summary { flex-wrap:wrap; } #result details.step .path { word-break:normal; }
.live-steps { list-style:none; padding:0; } .live-steps li { padding:2px 0; }
#record-summary { border:1px solid var(--line); border-radius:6px; background:var(--card); padding:8px 12px; }
#record-summary h3 { margin:0 0 6px; font-size:14px; }
@media (max-width:1100px) { #panes { grid-template-columns:1fr; } #detail { grid-template-columns:1fr; } }
`;
