import { testRequestSection } from '../doc/test-request-text.js';
import type { ImportedStep } from './to-step.js';

export interface DocTextInput {
  /** Where the commands came from, as the user named it (`<stdin>` for standard input). */
  source: string;
  variables: string[];
  tokens: string[];
  now: Date;
}

/** The imported doc: pending frontmatter, a note of what to give it, and one Test Request block. */
export function docText(steps: ImportedStep[], input: DocTextInput): string {
  const needs = [...input.variables.map((v) => `\`--var ${v}=…\``), ...input.tokens.map((t) => `\`--token ${t}=…\``)];
  const from = input.source === '<stdin>' ? 'standard input' : `\`${input.source}\``;
  return [
    '---',
    `endpoint: ${JSON.stringify(steps[0].endpoint)}`,
    'status: pending',
    `savedAt: ${JSON.stringify(input.now.toISOString())}`,
    'timesReused: 0',
    '---',
    '',
    `# ${steps[0].endpoint}`,
    '',
    '## Summary',
    '',
    `Imported by \`stepdoc import curl\` from ${from}. Check what each response must contain (\`expect\`) and`,
    'what later steps need from it (`extract`).',
    needs.length ? `To run it, give ${needs.join(', ')} (or \`vars:\` and \`tokens:\` in stepdoc.config.yaml).` : '',
    '',
    ...testRequestSection(steps.map((s) => s.step)),
    '',
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}
