import { errorDiag, hasErrors, infoDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, Doc, Phase } from '../core/model.js';
import { LineIndex } from '../core/span.js';
import { readFrontmatter } from './frontmatter.js';
import { scanMarkdown, type Fence } from './markdown.js';
import { nearMissDiagnostic, noStepsDiagnostic, type Candidate } from './no-steps.js';
import { PhaseTracker } from './phase.js';
import { readStep } from './step.js';
import { checkBlockKeys } from './step-schema.js';
import { YamlBlock } from './yaml-block.js';

const PHASE_ORDER: Record<Phase, number> = { setup: 0, test: 1, teardown: 2 };
const STEPS_LINE = /^steps\s*:/m;

/**
 * Markdown + frontmatter → Doc, in one pass. Never throws for content: every problem is a
 * diagnostic with a span. `displayPath` is what users see (relative to the project root).
 */
export function parseDoc(text: string, file: string, displayPath: string = file): Doc {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const index = new LineIndex(source);
  const fm = readFrontmatter(source, displayPath, index);
  const diagnostics: Diagnostic[] = [...fm.diagnostics];
  const steps: AnyStep[] = [];
  const phases = new PhaseTracker();
  let title: string | undefined;
  // Fences of setup/test/teardown sections that are not step blocks: where a doc without steps went wrong.
  const candidates: Candidate[] = [];
  let explained = false;
  for (const block of scanMarkdown(source, fm.bodyOffset)) {
    if (block.kind === 'heading') {
      phases.enter(block);
      if (block.level === 1 && title === undefined) title = block.text;
      continue;
    }
    const section = phases.current();
    if (!isYamlFence(block) || !STEPS_LINE.test(block.content)) {
      if (!('phase' in section)) continue;
      candidates.push({ fence: block, inTest: section.phase === 'test' });
      const miss = isYamlFence(block) ? nearMissDiagnostic(block, displayPath, index) : undefined;
      if (miss) diagnostics.push(miss);
      explained ||= miss !== undefined;
      continue;
    }
    if (!('phase' in section)) {
      diagnostics.push(
        infoDiag(
          'documentation-block',
          `step block under "${section.documentation.text}" is documentation: not run`,
          { file: displayPath, ...index.position(block.offset), length: 3 },
          {
            help: 'only blocks under setup (Prerequisites…), test (Test Request…) and teardown (Cleanup…) headings are run',
          },
        ),
      );
      continue;
    }
    const before = diagnostics.length;
    if (!block.closed) {
      diagnostics.push(
        errorDiag(
          'unclosed-fence',
          'this step block is never closed',
          { file: displayPath, ...index.position(block.offset), length: 3 },
          {
            expected: 'a closing ``` line after the steps',
          },
        ),
      );
    }
    readStepBlock(block, section.phase, { displayPath, index, diagnostics, steps });
    explained ||= hasErrors(diagnostics.slice(before));
  }
  if (steps.length === 0 && !explained) diagnostics.push(noStepsDiagnostic(candidates, displayPath, index, { file: displayPath, line: 1, col: 1 }));
  steps.sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.index - b.index);
  steps.forEach((step, i) => {
    step.index = i;
  });
  if (!fm.present && steps.length > 0) {
    diagnostics.push(
      warningDiag(
        'frontmatter-missing',
        'this doc has steps but no frontmatter',
        { file: displayPath, line: 1, col: 1 },
        {
          expected: 'a `---` block with endpoint, swagger, status at the top',
        },
      ),
    );
  }
  return { file, displayPath, source, title, frontmatter: fm.frontmatter, steps, diagnostics };
}

function isYamlFence(fence: Fence): boolean {
  return fence.lang === 'yaml' || fence.lang === 'yml';
}

interface BlockSink {
  displayPath: string;
  index: LineIndex;
  diagnostics: Diagnostic[];
  steps: AnyStep[];
}

function readStepBlock(block: Fence, phase: Phase, sink: BlockSink): void {
  const yaml = new YamlBlock(block.content, block.lineOffsets, sink.displayPath, sink.index);
  sink.diagnostics.push(...yaml.diagnostics);
  if (!yaml.ok) return;
  const root = yaml.root;
  const stepsNode = root?.kind === 'map' ? root.pairs.find((p) => p.key === 'steps')?.value : undefined;
  if (stepsNode === undefined || root?.kind !== 'map') return;
  if (root.pairs.length > 1) {
    const { keySpans, valueSpans } = yaml.collectSpans(root);
    const top = Object.fromEntries(root.pairs.map((p) => [p.key, true]));
    sink.diagnostics.push(...checkBlockKeys(top, { keySpans, valueSpans, fallback: yaml.span(0) }));
  }
  if (stepsNode.kind !== 'seq') {
    sink.diagnostics.push(
      errorDiag('steps-type', '`steps` must be a list', stepsNode.start >= 0 ? yaml.nodeSpan(stepsNode) : yaml.span(0), {
        expected: 'a list of `- id: …` entries',
      }),
    );
    return;
  }
  for (const item of stepsNode.items) {
    const span = item.start >= 0 ? yaml.nodeSpan(item) : yaml.span(0);
    const { keySpans, valueSpans } = yaml.collectSpans(item);
    const step = readStep({
      raw: yaml.toJS(item, sink.diagnostics) ?? null,
      index: sink.steps.length,
      phase,
      span,
      ctx: { keySpans, valueSpans, fallback: span, diagnostics: sink.diagnostics },
    });
    if (step) sink.steps.push(step);
  }
}
