import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DocResult, RunResult } from '../core/result.js';
import type { Reporter } from './reporter.js';

/** One doc's part of a report file, plus what the reporter needs of it before writing (e.g. counts). */
export interface DocChunk<M> {
  text: string;
  meta: M;
}

/** A doc's chunk in report order: its meta now, its text when the file is written. */
export interface PlannedChunk<M> {
  meta: M;
  text(): Promise<string>;
}

interface Entry<M> {
  offset: number;
  bytes: number;
  meta: M;
}

const keyOf = (doc: DocResult) => `${doc.file}\u0000${doc.displayPath}`;

/**
 * A file reporter's per-doc chunks, rendered as each doc ends (`doc:end`) and kept in a temp file
 * beside the report instead of in memory: a run of thousands of docs holds only an index (offset,
 * length, meta) per doc, and the runner may drop the docs' responses once they are spooled.
 *
 * At the end, `plan(result.docs)` gives the chunks in the result's order: the spooled chunk of a
 * doc that came through `doc:end`, else one rendered from the doc in the result (a reporter fed
 * only `finish(result)`, e.g. merge-reports or a test, gets exactly the same output).
 */
export class DocSpool<M> {
  private stream?: WriteStream;
  private readonly file: string;
  private readonly entries = new Map<string, Entry<M>[]>();
  private written = 0;
  private failure?: Error;

  constructor(
    report: string,
    private readonly render: (doc: DocResult) => DocChunk<M>,
  ) {
    this.file = join(dirname(report), `.${basename(report)}.${process.pid}.${randomBytes(4).toString('hex')}.spool`);
  }

  add(doc: DocResult): void {
    const { text, meta } = this.render(doc);
    const bytes = Buffer.byteLength(text, 'utf8');
    // Writes queue in order, so offsets are known now; the stream drains while the run goes on.
    this.output().write(text, 'utf8');
    const list = this.entries.get(keyOf(doc)) ?? [];
    list.push({ offset: this.written, bytes, meta });
    this.entries.set(keyOf(doc), list);
    this.written += bytes;
  }

  /** Waits for the spool to be on disk; then each chunk's `text()` reads it back. Call `dispose()` after. */
  async plan(docs: readonly DocResult[]): Promise<PlannedChunk<M>[]> {
    await this.flush();
    const handle = this.stream ? await open(this.file, 'r') : undefined;
    this.dispose = async () => {
      await handle?.close();
      await rm(this.file, { force: true });
    };
    return docs.map((doc) => {
      const entry = this.entries.get(keyOf(doc))?.shift();
      if (!entry || !handle) {
        const chunk = this.render(doc);
        return { meta: chunk.meta, text: async () => chunk.text };
      }
      return {
        meta: entry.meta,
        text: async () => {
          const buffer = Buffer.alloc(entry.bytes);
          await handle.read(buffer, 0, entry.bytes, entry.offset);
          return buffer.toString('utf8');
        },
      };
    });
  }

  /** Removes the temp file (set by `plan`; also safe when nothing was spooled). */
  dispose: () => Promise<void> = async () => {
    this.stream?.destroy();
    await rm(this.file, { force: true });
  };

  private output(): WriteStream {
    if (!this.stream) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { encoding: 'utf8' });
      this.stream.on('error', (error) => (this.failure ??= error));
    }
    return this.stream;
  }

  private async flush(): Promise<void> {
    const stream = this.stream;
    if (stream && !stream.closed) await new Promise<void>((resolve) => stream.end(resolve));
    if (this.failure) throw this.failure;
  }
}

/** Report parts in order, each chunk read from the spool only when the file writer wants it. */
export async function* joined<M>(head: string, chunks: PlannedChunk<M>[], separator: string, tail: string): AsyncGenerator<string> {
  yield head;
  for (let i = 0; i < chunks.length; i++) yield (i > 0 ? separator : '') + (await chunks[i].text());
  yield tail;
}

/** The text before and after the first `marker` (a placeholder the reporter put in its outline). */
export function splitAt(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('report outline lost its placeholder');
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/**
 * The shape every streaming file reporter shares: spool each doc's part at `doc:end`, then at the
 * end hand the planned chunks to `write` (which returns the files it wrote); the spool is always removed.
 */
export function spoolingReporter<M>(
  report: string,
  render: (doc: DocResult) => DocChunk<M>,
  write: (chunks: PlannedChunk<M>[], result: RunResult) => Promise<string[]>,
): Reporter {
  const spool = new DocSpool(report, render);
  return {
    streams: true,
    onEvent(event) {
      if (event.type === 'doc:end') spool.add(event.doc);
    },
    async finish(result) {
      try {
        return await write(await spool.plan(result.docs), result);
      } finally {
        await spool.dispose();
      }
    },
  };
}
