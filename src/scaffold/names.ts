import path from 'node:path';

/** `/v0/external_cards/{card_id}/transfers` → `v0_external_cards_card_id_transfers`. */
export function pathSlug(apiPath: string): string {
  return (
    apiPath
      .replace(/[{}]/g, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .join('_')
      .toLowerCase() || 'root'
  );
}

/** A step id from the operation: its operationId in snake_case, else method and path. */
export function stepId(method: string, apiPath: string, operationId?: string): string {
  if (operationId) {
    const snake = operationId
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase();
    if (snake) return snake;
  }
  return `${method.toLowerCase()}_${pathSlug(apiPath)}`;
}

/** A template variable name for a path parameter (`card-id` → `card_id`). */
export function variableName(param: string): string {
  const name = param.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(\d)/, '_$1');
  return name || 'param';
}

/**
 * The domain of a draft: `--domain`, else the folder under `swagger/` holding the spec
 * (`swagger/sales/legacy/x.json` → `sales`), else the spec file's name.
 */
export function domainOf(specFile: string, rootDir: string, explicit?: string): string {
  if (explicit) return explicit;
  const rel = path.relative(rootDir, specFile).split(path.sep);
  const under = rel[0] === 'swagger' && rel.length > 2 ? rel[1] : undefined;
  return (under ?? path.basename(specFile).replace(/\.(json|ya?ml)$/i, '')).toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
}

/** `scenarios/<domain>/<method>_<path>.md`. */
export function defaultOut(domain: string, method: string, apiPath: string): string {
  return `scenarios/${domain}/${method.toLowerCase()}_${pathSlug(apiPath)}.md`;
}
