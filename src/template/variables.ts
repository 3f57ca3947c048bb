import type { TemplateNode } from './compile.js';
import { liquid } from './engine.js';

/** First segment of every global variable a compiled tree reads (`client_id`, `config`, `env`, …). */
export function referencedVariables(node: TemplateNode, into: Map<string, string[][]> = new Map()): Map<string, string[][]> {
  switch (node.kind) {
    case 'string':
      for (const segments of liquid().globalVariableSegmentsSync(node.templates)) {
        const parts = segments.map(String);
        const list = into.get(parts[0]) ?? [];
        list.push(parts);
        into.set(parts[0], list);
      }
      break;
    case 'array':
      node.items.forEach((item) => referencedVariables(item, into));
      break;
    case 'object':
      for (const [k, v] of node.entries) {
        referencedVariables(k, into);
        referencedVariables(v, into);
      }
      break;
  }
  return into;
}
