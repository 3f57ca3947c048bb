import { stringify } from 'yaml';

/**
 * A doc's "Test Request" section as stepdoc writes it (`import curl`, `new`): the heading and one
 * ```yaml block of `steps:`, keys plain and lines never folded, so what the parser reads back is what
 * was written.
 */
export function testRequestSection(steps: readonly unknown[]): string[] {
  const block = stringify({ steps }, { lineWidth: 0, defaultKeyType: 'PLAIN' }).trimEnd();
  return ['## Test Request', '', '```yaml', block, '```'];
}
