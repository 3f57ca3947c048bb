import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import { RecordConflict, RecordEditError } from './errors.js';

/** What an update did to one file. */
export type UpdateOutcome = { kind: 'written' | 'unchanged' } | { kind: 'conflict'; error: RecordConflict } | { kind: 'error'; error: Error };

/** Computes the new text from the current one; returning the same text means nothing to write. */
export type TextEdit = (text: string) => string;

/**
 * The only writer of docs. It remembers the text stepdoc last read or wrote for each file and refuses to
 * write over a file whose content is no longer that text (someone edited it meanwhile). Updates of the
 * same file run one after the other, so two docs that `use:` it and finish together both count.
 */
export class DocStore {
  private readonly known = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /**
   * `sources`: absolute path → the text as the run read it. Consulted lazily, so a map the runner keeps
   * filling (docs read later through `use:`) works; what the store writes itself takes precedence.
   */
  constructor(private readonly sources?: ReadonlyMap<string, string>) {}

  update(file: string, edit: TextEdit): Promise<UpdateOutcome> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.then(() => this.apply(file, edit));
    this.queues.set(file, next);
    this.inFlight.add(next);
    void next.finally(() => this.inFlight.delete(next));
    return next;
  }

  /** Resolves once every queued update has finished (written or abandoned). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async apply(file: string, edit: TextEdit): Promise<UpdateOutcome> {
    try {
      const bytes = await readFile(file);
      const onDisk = bytes.toString('utf8');
      if (!Buffer.from(onDisk, 'utf8').equals(bytes)) {
        return { kind: 'error', error: new RecordEditError('the doc is not valid UTF-8; it is left as it is', file) };
      }
      const expected = this.known.get(file) ?? this.sources?.get(file);
      if (expected !== undefined && !sameText(expected, onDisk)) return { kind: 'conflict', error: new RecordConflict(file) };
      this.known.set(file, onDisk);
      const next = edit(onDisk);
      if (next === onDisk) return { kind: 'unchanged' };
      // Checked again just before the rename: an editor saving during the write must still win.
      const stillSame = async () => (await readFile(file)).equals(bytes);
      if (!(await writeFileAtomic(file, next, stillSame))) return { kind: 'conflict', error: new RecordConflict(file) };
      this.known.set(file, next);
      return { kind: 'written' };
    } catch (error) {
      return { kind: 'error', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }
}

/** A reader that dropped the BOM still read the same doc. */
function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/^\uFEFF/, '') === b.replace(/^\uFEFF/, '');
}
