import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestHandler } from './handle.js';
import type { Misbehave, SandboxOptions } from './options.js';
import type { Base } from './router.js';
import { newState, type SandboxState } from './state.js';

export type { Misbehave, MisbehaveSwitch, SandboxOptions } from './options.js';
export type { SandboxState } from './state.js';

export interface Sandbox {
  /** The main API base: Synctera v0 and the sales platform, except sync_card (404 here). */
  baseUrl: string;
  /** The fallback API base: everything the main one serves, plus sync_card. */
  fallbackUrl: string;
  state: SandboxState;
  misbehave: Misbehave;
  close(): Promise<void>;
}

/**
 * Starts the reference sandbox: two HTTP servers on random loopback ports (main and fallback) sharing one
 * in-memory state. It behaves like the two seed APIs as documented, unless `misbehave` says otherwise.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const misbehave: Misbehave = { ...options.misbehave };
  const state = newState();
  const main = await listen('main', host, state, misbehave);
  const fallback = await listen('fallback', host, state, misbehave).catch(async (error: unknown) => {
    await stop(main.server);
    throw error;
  });
  return {
    baseUrl: main.url,
    fallbackUrl: fallback.url,
    state,
    misbehave,
    close: async () => {
      await Promise.all([stop(main.server), stop(fallback.server)]);
    },
  };
}

async function listen(base: Base, host: string, state: SandboxState, misbehave: Misbehave): Promise<{ server: Server; url: string }> {
  const server = createServer(requestHandler(base, state, misbehave));
  // A client's keep-alive socket must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${port}` };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
