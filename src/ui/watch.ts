import { createHash } from 'node:crypto';
import { watch, readFileSync, statSync, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Watcher {
  /** Watches the folders of these files (and these folders), adding new ones; seeds their content. */
  update(paths: readonly string[]): void;
  /** Takes the current text of these files as known: our own writes (recording) are not changes. */
  acknowledge(files: readonly string[]): void;
  close(): void;
}

const WATCHED = /\.(md|ya?ml|json)$/i;

/**
 * Calls `onChange` with the files whose content really changed, a short while after the last event
 * (editors write in bursts: truncate, write, rename). One non-recursive watch per folder that holds
 * a doc or spec: no polling, and no walking node_modules.
 */
export function watchFiles(onChange: (files: string[]) => void, debounceMs = 120): Watcher {
  const watchers = new Map<string, FSWatcher>();
  const known = new Map<string, string | undefined>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const changed: string[] = [];
    for (const file of pending) {
      const now = digest(file);
      if (known.get(file) !== now || !known.has(file)) changed.push(file);
      known.set(file, now);
    }
    pending.clear();
    if (changed.length > 0) onChange(changed.sort());
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

function digest(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
