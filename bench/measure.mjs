/**
 * Whole-process measurements: wall time from spawn to exit (measured here), peak RSS from
 * GNU time (`/usr/bin/time -f %M`) when it is installed, and the exit code. Plus the statistics.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_MAXRSS_KB=';
export const hasGnuTime = existsSync(GNU_TIME);

/**
 * Runs `argv` once in `cwd`; resolves { ms, rssMB, cpuMs (user+sys), code, stdout, stderr }.
 * GNU time's own start-up is a fork+exec (well under a millisecond) and is the same for every workload.
 */
export function runOnce(argv, { cwd, env } = {}) {
  const [cmd, ...args] = hasGnuTime ? [GNU_TIME, '-f', `${RSS_MARK}%M %U %S`, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let stderr = Buffer.concat(err).toString('utf8');
      let rssMB;
      let cpuMs;
      const at = stderr.lastIndexOf(RSS_MARK);
      if (at >= 0) {
        const [kb, user, sys] = stderr
          .slice(at + RSS_MARK.length)
          .trim()
          .split(/\s+/)
          .map(Number);
        rssMB = kb / 1024;
        cpuMs = (user + sys) * 1000;
        stderr = stderr.slice(0, at);
      }
      resolve({ ms, rssMB, cpuMs, code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min, max of wall time (ms); peak and median RSS; median CPU time. */
export function summarise(samples) {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssMB).filter((v) => v !== undefined);
  const cpu = samples.map((s) => s.cpuMs).filter((v) => v !== undefined);
  return {
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    runsMs: ms.map(round),
    peakRssMB: rss.length ? round(Math.max(...rss)) : undefined,
    medianRssMB: rss.length ? round(median(rss)) : undefined,
    // CPU time (user+sys) is steadier than wall time when other work shares the machine.
    medianCpuMs: cpu.length ? round(median(cpu)) : undefined,
  };
}

export function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
