/**
 * Console output gathered for a few milliseconds: the lines of the docs that finish meanwhile (and,
 * on a terminal, the clear/redraw of the live line around each) leave in one write instead of up
 * to three per doc — 250 sequential docs make ~30 writes, not 750. `flush()` empties the buffer
 * before the reporter's last words; nothing waits longer than FLUSH_MS to appear.
 */
const FLUSH_MS = 50;

export interface BufferedOutput {
  write(text: string): void;
  flush(): void;
}

export function bufferedOutput(out: { write(chunk: string): unknown }): BufferedOutput {
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const text = pending;
    pending = '';
    out.write(text);
  };
  return {
    write(text: string) {
      pending += text;
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}
