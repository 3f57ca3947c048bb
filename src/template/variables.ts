import type { Template } from './liquidjs.js';
import type { TemplateNode } from './compile.js';
import { liquid } from './engine.js';
import { plainVariables } from './plain.js';

/** Variable paths per parsed template list; compiled strings share their parse (see compile.ts). */
const segmentsCache = new WeakMap<Template[], string[][]>();

function segmentsOf(templates: Template[]): string[][] {
  let segments = segmentsCache.get(templates);
  if (!segments)
    segmentsCache.set(
      templates,
      (segments = liquid()
        .globalVariableSegmentsSync(templates)
        .map((s) => s.map(String))),
    );
  return segments;
}

/** First segment of every global variable a compiled tree reads (`client_id`, `config`, `env`, …). */
export function referencedVariables(node: TemplateNode, into: Map<string, string[][]> = new Map()): Map<string, string[][]> {
  switch (node.kind) {
    case 'string':
      for (const parts of node.plain ? plainVariables(node.plain) : segmentsOf(node.templates ?? [])) {
        const list = into.get(parts[0]) ?? [];
        list.push([...parts]);
        into.set(parts[0], list);
      }
      break;
    case 'array':
      node.items.forEach((item) => {
        referencedVariables(item, into);
      });
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
