import type { SalesState } from './sales/model.js';
import type { SyncteraState } from './synctera/model.js';
import { newSalesState } from './sales/model.js';
import { newSyncteraState } from './synctera/model.js';

/** Everything the sandbox remembers; one instance per started sandbox, shared by both base URLs. */
export interface SandboxState {
  sales: SalesState;
  synctera: SyncteraState;
  /** Requests seen, newest last: method, base and path (tests use it to check where a call went). */
  log: Array<{ method: string; base: string; path: string; status: number }>;
}

export function newState(): SandboxState {
  return { sales: newSalesState(), synctera: newSyncteraState(), log: [] };
}
