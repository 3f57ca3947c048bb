import type { CliIO } from '../io.js';
export async function command(_argv: string[], _io: CliIO): Promise<number> {
  return 2;
}
