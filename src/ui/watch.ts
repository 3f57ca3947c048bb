import { createHash } from 'node:crypto';
import { watch, readFileSync, statSync, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Watcher {
  /** Watches the folders of these files (and these folders), adding new ones; seeds their content. */
  update(paths: readonly string[]): void;
  /** Takes the current text of these files as known (belt and braces: recording's own lines are ignored anyway). */
  acknowledge(files: readonly string[]): void;
  close(): void;
}

const WATCHED = /\.(md|ya?ml|json)$/i;

/**
 * Calls `onChange` with the files whose content really changed, and those where only recorded
 * metadata changed (`touched`: worth re-reading, not re-running), a short while after the last event
 * (editors write in bursts: truncate, write, rename). One non-recursive watch per folder that holds
 * a doc or spec: no polling, and no walking node_modules.
 */
export function watchFiles(onChange: (files: string[], touched: string[]) => void, debounceMs = 120): Watcher {
  const watchers = new Map<string, FSWatcher>();
  const known = new Map<string, Digest | undefined>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const changed: string[] = [];
    const touched: string[] = [];
    for (const file of pending) {
      const before = known.get(file);
      const now = digest(file);
      if (!known.has(file) || before?.run !== now?.run) changed.push(file);
      else if (before?.raw !== now?.raw) touched.push(file);
      known.set(file, now);
    }
    pending.clear();
    if (changed.length > 0 || touched.length > 0) onChange(changed.sort(), touched.sort());
  };
  const watchDir = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, (_event, name) => {
        if (!name || !WATCHED.test(name)) return;
        pending.add(join(dir, name.toString()));
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      w.on('error', () => watchers.delete(dir));
      watchers.set(dir, w);
    } catch {
      /* a folder that vanished: nothing to watch */
    }
  };

  return {
    update(paths) {
      for (const path of paths) {
        const isDir = safeIsDir(path);
        watchDir(isDir ? path : dirname(path));
        if (!isDir && !known.has(path)) known.set(path, digest(path));
      }
    },
    acknowledge(files) {
      for (const file of files) known.set(file, digest(file));
    },
    close() {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** The frontmatter lines recording writes: a change to them alone is not a change to the test. */
const RECORDED_LINE = /^(status|verifiedAt|timesReused|savedAt)[ \t]*:.*\r?\n/gm;

/**
 * A file's content as far as a run is concerned. For a doc, its frontmatter without the keys the
 * recorder writes: so recording (the dashboard's button, `run --watch --record`) never triggers a
 * re-run of what it just recorded — which with `--record` would loop.
 */
function digest(file: string): Digest | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const raw = sha1(text);
  if (!/\.md$/i.test(file)) return { raw, run: raw };
  const end = /^---\r?\n[\s\S]*?\r?\n---/.exec(text)?.[0].length ?? 0;
  return { raw, run: sha1(text.slice(0, end).replace(RECORDED_LINE, '') + text.slice(end)) };
}

interface Digest {
  raw: string;
  run: string;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
