import type { Operation } from '../openapi/model.js';
import { asSchema, declaredTypes, isObject, mergeAllOf } from '../mock/schema-util.js';

/** The "Parameters Reference" table: path/query/header parameters, then the body's top-level fields. */
export function parametersTable(operation: Operation, bodySchema: unknown): string {
  const rows: string[][] = [];
  for (const p of operation.parameters) {
    const schema = asSchema(p.schema);
    rows.push([`\`${p.name}\``, p.in, p.required ? 'yes' : 'no', typeOf(schema), cell(schema.description)]);
  }
  const body = mergeAllOf(asSchema(bodySchema));
  const required = new Set(Array.isArray(body.required) ? body.required.map(String) : []);
  for (const [name, raw] of Object.entries(isObject(body.properties) ? body.properties : {})) {
    const schema = mergeAllOf(asSchema(raw));
    rows.push([`\`${name}\``, 'body', required.has(name) ? 'yes' : 'no', typeOf(schema), cell(schema.description)]);
  }
  if (rows.length === 0) return 'This operation takes no parameters.\n';
  const header = ['| Name | In | Required | Type | Description |', '|------|----|----------|------|-------------|'];
  return [...header, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function typeOf(schema: Record<string, unknown>): string {
  const types = declaredTypes(schema).join(' or ') || 'any';
  const detail = Array.isArray(schema.enum) ? ` (${schema.enum.map(String).join(', ')})` : typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return cell(types + detail);
}

/** Table cells: one line, no pipes. */
function cell(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim() : '';
}
