import type { RunSettings } from '../core/settings.js';
import type { ValidationProvider } from '../core/validation.js';
import type { StepGraph } from '../graph/graph.js';

/** ajv and the spec loader load only when a doc to run has a swagger file and validation is on. */
export async function loadValidation(graphs: readonly StepGraph[], settings: RunSettings): Promise<ValidationProvider | undefined> {
  if (settings.schemaMode === 'off' || !graphs.some((g) => g.doc.frontmatter.swagger)) return undefined;
  const { createValidationProvider } = await import('../openapi/provider.js');
  return createValidationProvider(settings);
}
