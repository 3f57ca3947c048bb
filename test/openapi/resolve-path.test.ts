import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSwaggerListings, resolveSwaggerPath } from '../../src/openapi/resolve-path.js';
import { writeFiles } from './helpers.js';

describe('resolveSwaggerPath', () => {
  const root = writeFiles({
    'swagger/sales/legacy/legacy_v1_sales.json': '{}',
    'mcp_swagger/clients.json': '{}',
    'specs/other.yaml': 'openapi: 3.0.0',
    'specs/swagger/sales/legacy/legacy_v1_sales.json': '{}',
    'node_modules/pkg/mcp_swagger/clients.json': '{}',
  });
  const roots = { rootDir: root, swaggerRoot: 'specs' };

  it('resolves against swaggerRoot, then the project root', () => {
    expect(resolveSwaggerPath('swagger/sales/legacy/legacy_v1_sales.json', roots).file).toBe(
      path.join(root, 'specs/swagger/sales/legacy/legacy_v1_sales.json'),
    );
    expect(resolveSwaggerPath('swagger/sales/legacy/legacy_v1_sales.json', { rootDir: root, swaggerRoot: '.' }).file).toBe(
      path.join(root, 'swagger/sales/legacy/legacy_v1_sales.json'),
    );
    expect(resolveSwaggerPath('mcp_swagger/clients.json', roots).file).toBe(path.join(root, 'mcp_swagger/clients.json'));
    expect(resolveSwaggerPath('other.yaml', roots).file).toBe(path.join(root, 'specs/other.yaml'));
    expect(resolveSwaggerPath(path.join(root, 'mcp_swagger/clients.json'), roots).file).toBe(path.join(root, 'mcp_swagger/clients.json'));
  });

  it('an absolute path from another machine means the project copy with the same folder and file: used, with a warning', () => {
    clearSwaggerListings();
    const span = { file: 'doc.md', line: 4, col: 1 };
    const result = resolveSwaggerPath('/Users/someone/work/vcita/mcp_swagger/clients.json', roots, span);
    expect(result.file).toBe(path.join(root, 'mcp_swagger/clients.json'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'swagger-foreign-path', severity: 'warning', span, help: 'write `swagger: mcp_swagger/clients.json`' }),
    ]);
  });

  it('an absolute path whose file name alone matches is not guessed: a warning with a did-you-mean', () => {
    clearSwaggerListings();
    const result = resolveSwaggerPath('/Users/someone/elsewhere/clients.json', roots);
    expect(result.file).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'swagger-not-found', help: 'did you mean `mcp_swagger/clients.json`?' })]);
  });

  it('prefers the longest shared tail and says nothing when no file has that name', () => {
    const deeper = resolveSwaggerPath('old/swagger/sales/legacy/legacy_v1_sales.json', roots);
    expect(deeper.diagnostics[0].help).toBe('did you mean `swagger/sales/legacy/legacy_v1_sales.json`?');
    const none = resolveSwaggerPath('swagger/unknown.json', roots);
    expect(none.diagnostics[0]).toMatchObject({ code: 'swagger-not-found' });
    expect(none.diagnostics[0].help).toBeUndefined();
  });
});
