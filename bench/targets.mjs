/**
 * The targets of issue 19, as ratios to raw undici measured in the same run (and absolutes for
 * memory and the vcita mock). They must hold against both bench servers: the checking one and the
 * lean one (no work per request). Added cost per request: stepdoc's marginal time per request
 * (W2 − W1, over the extra requests) minus raw undici's, so process start-up and the server's own
 * time cancel out.
 */
import { round } from './measure.mjs';

export function evaluateTargets(workloads, server = 'checking') {
  const w = Object.fromEntries(workloads.map((x) => [x.id, x]));
  const targets = [];
  const add = (name, limit, actual, unit) =>
    targets.push({ name: `${name} (${server} server)`, server, limit, actual, unit, pass: actual === undefined ? undefined : actual <= limit });
  if (w.W2) add('W2 250 docs sequential, stepdoc/raw', 1.5, w.W2.ratio, '×');
  if (w.W3) add('W3 250 docs concurrency 16, stepdoc/raw', 1.5, w.W3.ratio, '×');
  if (w.W4) add('W4 250 docs with swagger, stepdoc/raw', 1.6, w.W4.ratio, '×');
  if (w.W1) {
    // Below raw undici's own start-up: one doc costs less than the hand-written script's process.
    add('W1 one doc, stepdoc/raw', 1, w.W1.ratio, '×');
    targets.at(-1).detail = { rawMs: w.W1.raw.medianMs, overRawMs: round(w.W1.stepdoc.medianMs - w.W1.raw.medianMs) };
  }
  if (w.W1 && w.W2) {
    const extra = w.W2.requests - w.W1.requests;
    const stepdoc = (w.W2.stepdoc.medianMs - w.W1.stepdoc.medianMs) / extra;
    const raw = (w.W2.raw.medianMs - w.W1.raw.medianMs) / extra;
    add('added cost per extra request (stepdoc − raw)', 0.2, round(stepdoc - raw, 3), 'ms');
    targets.at(-1).detail = { stepdocPerRequestMs: round(stepdoc, 3), rawPerRequestMs: round(raw, 3) };
  }
  const rss = [w.W2, w.W3, w.W4]
    .filter(Boolean)
    .map((x) => x.stepdoc.peakRssMB)
    .filter((v) => v !== undefined);
  if (rss.length) add('peak RSS, 250 docs', 100, Math.max(...rss), 'MB');
  return targets;
}

/** The 5,000-doc run at concurrency 32 (peak RSS) and `run --mock` of the vcita corpus (whole process). */
export function evaluateExtraTargets(extras) {
  const targets = [];
  const add = (name, limit, actual, unit) => targets.push({ name, limit, actual, unit, pass: actual === undefined ? undefined : actual <= limit });
  if (extras.memory) add('5,000 docs at concurrency 32, peak RSS', 150, extras.memory.rssMB, 'MB');
  if (extras.corpusMock) add('vcita run --mock, 184 docs, whole process', 2000, extras.corpusMock.ms, 'ms');
  return targets;
}
