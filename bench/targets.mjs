/**
 * The targets of issue 9, as ratios to raw undici measured in the same run (and two absolutes).
 * Added cost per request: stepdoc's marginal time per request (W2 − W1, over the extra requests)
 * minus raw undici's, so process start-up and the server's own time cancel out.
 */
import { round } from './measure.mjs';

export function evaluateTargets(workloads) {
  const w = Object.fromEntries(workloads.map((x) => [x.id, x]));
  const targets = [];
  const add = (name, limit, actual, unit) => targets.push({ name, limit, actual, unit, pass: actual === undefined ? undefined : actual <= limit });
  if (w.W2) add('W2 250 docs sequential, stepdoc/raw', 1.5, w.W2.ratio, '×');
  if (w.W3) add('W3 250 docs concurrency 16, stepdoc/raw', 1.5, w.W3.ratio, '×');
  if (w.W1) {
    add('W1 one doc, whole process', 250, w.W1.stepdoc.medianMs, 'ms');
    // The absolute limit assumes the reference machine (raw undici 0.19 s); these travel between machines.
    targets.at(-1).detail = { rawMs: w.W1.raw.medianMs, ratio: w.W1.ratio, overRawMs: round(w.W1.stepdoc.medianMs - w.W1.raw.medianMs) };
  }
  if (w.W1 && w.W2) {
    const extra = w.W2.requests - w.W1.requests;
    const stepdoc = (w.W2.stepdoc.medianMs - w.W1.stepdoc.medianMs) / extra;
    const raw = (w.W2.raw.medianMs - w.W1.raw.medianMs) / extra;
    add('added cost per extra request (stepdoc − raw)', 0.2, round(stepdoc - raw, 3), 'ms');
    targets.at(-1).detail = { stepdocPerRequestMs: round(stepdoc, 3), rawPerRequestMs: round(raw, 3) };
  }
  const rss = [w.W2, w.W3]
    .filter(Boolean)
    .map((x) => x.stepdoc.peakRssMB)
    .filter((v) => v !== undefined);
  if (rss.length) add('peak RSS, 250 docs', 150, Math.max(...rss), 'MB');
  return targets;
}
