import { startUiServer } from './server.js';
import { newToken } from './security.js';
import { UiSession } from './session.js';
import { SseHub } from './sse.js';
import type { UiEngine } from './types.js';
import { watchFiles } from './watch.js';

export interface StartedUi {
  url: string;
  token: string;
  /** How many docs were found. */
  docs: number;
  close(): Promise<void>;
}

/** Reads the docs, starts the server on 127.0.0.1 and the watcher. Stopping waits for a run to wind down. */
export async function startUi(engine: UiEngine, port: number): Promise<StartedUi> {
  const hub = new SseHub();
  const session = new UiSession(engine, hub);
  // Metadata-only changes (`touched`) come with no files: the list is re-read, nothing runs.
  session.watcher = watchFiles((files) => void session.changed(files));
  await session.refresh();
  const token = newToken();
  const server = await startUiServer(session, hub, token, port).catch(async (error: unknown) => {
    session.watcher?.close();
    throw error;
  });
  return {
    url: server.url,
    token,
    docs: session.state().docs.length,
    async close() {
      session.watcher?.close();
      session.stop();
      await session.settled();
      await server.close();
    },
  };
}
