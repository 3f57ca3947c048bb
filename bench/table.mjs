/** Prints bench results as Markdown tables (the same text goes into docs/performance.md). */

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const cpu = (s) => (s.medianCpuMs === undefined ? '–' : fmt(s.medianCpuMs));
const mb = (v) => (v === undefined ? '–' : `${Math.round(v)} MB`);

export function workloadTable(workloads) {
  const rows = [
    '| workload | stepdoc median (min–max) | raw undici median (min–max) | stepdoc / raw | CPU stepdoc / raw | peak RSS stepdoc / raw |',
    '|---|---|---|---|---|---|',
  ];
  for (const w of workloads) {
    const s = w.stepdoc;
    const r = w.raw;
    rows.push(
      `| ${w.id} ${w.title}${w.server === 'lean' ? ', lean server' : ''} | ${fmt(s.medianMs)} (${fmt(s.minMs)}–${fmt(s.maxMs)}) | ${fmt(r.medianMs)} (${fmt(r.minMs)}–${fmt(r.maxMs)}) | ${w.ratio.toFixed(2)}× | ${cpu(s)} / ${cpu(r)} | ${mb(s.peakRssMB)} / ${mb(r.peakRssMB)} |`,
    );
  }
  return rows.join('\n');
}

export function targetTable(targets) {
  const rows = ['| target | limit | measured | |', '|---|---|---|---|'];
  for (const t of targets) {
    const value = t.actual === undefined ? '–' : `${t.actual}${t.unit === '×' ? '×' : ` ${t.unit}`}`;
    const note =
      t.detail?.overRawMs !== undefined
        ? ` (raw ${t.detail.rawMs} ms; stepdoc − raw = ${t.detail.overRawMs} ms)`
        : t.detail?.stepdocPerRequestMs !== undefined
          ? ` (${t.detail.stepdocPerRequestMs} − ${t.detail.rawPerRequestMs} ms)`
          : '';
    rows.push(
      `| ${t.name} | ≤ ${t.limit}${t.unit === '×' ? '×' : ` ${t.unit}`} | ${value}${note} | ${t.pass === undefined ? '?' : t.pass ? 'met' : 'NOT met'} |`,
    );
  }
  return rows.join('\n');
}

export function extrasTable(extras) {
  if (!extras) return '';
  const rows = ['| benchmark | result |', '|---|---|'];
  const t = extras.templates;
  rows.push(
    `| templates (compile once, render many) | ${t?.ok ? `plain: ${t.templatesRenderedPerSecond.toLocaleString('en')} renders/s, ${t.templatesCompiledPerSecond.toLocaleString('en')} compiles/s; through liquidjs (filters, dotted paths): ${t.liquidTemplatesRenderedPerSecond?.toLocaleString('en') ?? '–'} renders/s` : `failed: ${t?.reason}`} |`,
  );
  const s = extras.specLoad;
  rows.push(
    `| Synctera OpenAPI load + compile (cold process) | ${s?.ok ? `${fmt(s.totalMs)} (load ${fmt(s.loadMs)} + compile ${fmt(s.compileMs)}; ${s.operations} operations, ${s.validators} validators)` : (s?.reason ?? 'failed')} |`,
  );
  const l = extras.lint;
  rows.push(
    `| lint of 10,000 docs | ${l?.ok ? (l.ms !== undefined ? `${fmt(l.ms)} whole process${l.docsPerSecond ? ` (${l.docsPerSecond.toLocaleString('en')} docs/s)` : ''}, peak RSS ${mb(l.rssMB)}` : l.output) : (l?.reason ?? 'failed')} |`,
  );
  const m = extras.memory;
  rows.push(`| 5,000-doc memory run (bench/memory.ts) | ${m?.ok ? (m.summary ?? `${fmt(m.ms)}, peak RSS ${mb(m.rssMB)}`) : (m?.reason ?? 'failed')} |`);
  const c = extras.corpusMock;
  rows.push(
    `| run --mock of the vcita corpus, every spec served | ${c?.ok ? `${fmt(c.ms)} whole process (median of ${c.runs}), peak RSS ${mb(c.rssMB)}; ${c.summary ?? ''}` : (c?.reason ?? 'failed')} |`,
  );
  return rows.join('\n');
}

export function printReport(results, out) {
  const m = results.machine;
  out.write(`\nstepdoc benchmark — ${m.cores} × ${m.cpu}, ${m.memoryGB} GB, ${m.os}, Node ${m.node}; load average ${m.loadAverage.join(' ')}\n`);
  out.write(`${results.method.runs} runs per workload after ${results.method.warmup} warm-up, stepdoc and raw alternating; whole processes\n\n`);
  out.write(workloadTable(results.workloads) + '\n\n' + targetTable(results.targets) + '\n');
  if (results.extras) out.write('\n' + extrasTable(results.extras) + '\n');
}
