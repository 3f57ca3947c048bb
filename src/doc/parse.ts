import { errorDiag, warningDiag, type Diagnostic } from '../core/diagnostic.js';
import type { AnyStep, Doc, Phase } from '../core/model.js';
import { LineIndex } from '../core/span.js';
import { readFrontmatter } from './frontmatter.js';
import { scanMarkdown, type Fence } from './markdown.js';
import { PhaseTracker } from './phase.js';
import { readStep } from './step.js';
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
  for (const block of scanMarkdown(source, fm.bodyOffset)) {
    if (block.kind === 'heading') {
      phases.enter(block);
      if (block.level === 1 && title === undefined) title = block.text;
      continue;
    }
    if (!isYamlFence(block) || !STEPS_LINE.test(block.content)) continue;
    if (!block.closed) {
      diagnostics.push(errorDiag('unclosed-fence', 'this step block is never closed', { file: displayPath, ...index.position(block.offset), length: 3 }, {
        expected: 'a closing ``` line after the steps',
      }));
    }
    readStepBlock(block, phases.current(), { displayPath, index, diagnostics, steps });
  }
  steps.sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.index - b.index);
  steps.forEach((step, i) => (step.index = i));
  if (!fm.present && steps.length > 0) {
    diagnostics.push(warningDiag('frontmatter-missing', 'this doc has steps but no frontmatter', { file: displayPath, line: 1, col: 1 }, {
      expected: 'a `---` block with endpoint, swagger, status at the top',
    }));
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
  if (stepsNode === undefined) return;
  if (stepsNode.kind !== 'seq') {
    sink.diagnostics.push(errorDiag('steps-type', '`steps` must be a list', stepsNode.start >= 0 ? yaml.nodeSpan(stepsNode) : yaml.span(0), { expected: 'a list of `- id: …` entries' }));
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
