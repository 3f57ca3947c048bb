import pc from 'picocolors';
import type { FrameStyle } from '../core/codeframe.js';

/** The process seam: commands write through this, so tests can run them in-process too. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Aborted on SIGINT/SIGTERM; commands stop sending and wrap up. */
  signal: AbortSignal;
}

export function processIO(signal: AbortSignal): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signal };
}

/** Colour unless NO_COLOR is set, or FORCE_COLOR asks for it, or the stream is not a terminal. */
export function useColor(io: CliIO, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io[stream].isTTY);
}

export function frameStyle(color: boolean): FrameStyle {
  const c = pc.createColors(color);
  return { red: c.red, yellow: c.yellow, blue: c.blue, bold: c.bold, dim: c.dim };
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;
