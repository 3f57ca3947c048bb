import { errorDiag, type Diagnostic } from '../core/diagnostic.js';
import type { LineIndex, SourceSpan } from '../core/span.js';
import { editDistance } from '../core/suggest.js';
import type { Fence } from './markdown.js';

/**
 * Why a doc has no steps, said at the place the author most likely meant them: a block whose top
 * level is `step:` (or another near miss of `steps:`), a Test Request written as ```json, a YAML
 * block under the Test Request without `steps:`. A doc with no steps can never pass honestly.
 */
const FIRST_KEY = /^([A-Za-z_][\w-]*)[ \t]*:/m;
const EXPECTED = 'a ```yaml block with `steps:` under a "Test Request" (or "Prerequisites") heading';

export interface Candidate {
  fence: Fence;
  /** The fence stands in the test section. */
  inTest: boolean;
}

/**
 * A YAML block whose first top-level key is a near miss of `steps` (`step:`, `Steps:`, `stpes:`): one
 * edit away, or the same letters swapped. Narrow on purpose: YAML examples in docs (`stats:`) are not steps.
 */
export function nearMissOfSteps(fence: Fence): { key: string; offset: number } | undefined {
  const match = FIRST_KEY.exec(fence.content);
  if (!match || match[1] === 'steps') return undefined;
  const word = match[1].toLowerCase();
  const anagram = [...word].sort().join('') === 'epsst';
  if (editDistance(word, 'steps') > 1 && !anagram) return undefined;
  return { key: match[1], offset: fence.contentOffset + match.index };
}

export function nearMissDiagnostic(fence: Fence, file: string, index: LineIndex): Diagnostic | undefined {
  const miss = nearMissOfSteps(fence);
  if (!miss) return undefined;
  return errorDiag(
    'no-steps',
    `this block has \`${miss.key}:\`, not \`steps:\`: none of it is run`,
    { file, ...index.position(miss.offset), length: miss.key.length },
    {
      expected: EXPECTED,
      help: 'did you mean `steps:`?',
    },
  );
}

/** The one `no-steps` error of a doc without steps, at the best place found. */
export function noStepsDiagnostic(candidates: Candidate[], file: string, index: LineIndex, fallback: SourceSpan): Diagnostic {
  const json = candidates.find((c) => c.inTest && c.fence.lang !== 'yaml' && c.fence.lang !== 'yml');
  if (json) {
    return errorDiag(
      'no-steps',
      `this doc has no steps: its Test Request is a \`\`\`${json.fence.lang || 'plain'} block, which stepdoc does not run`,
      fenceSpan(json.fence, file, index),
      {
        expected: EXPECTED,
        help: 'write the request as `steps:` with method, path and body in a ```yaml block',
      },
    );
  }
  const yaml = candidates.find((c) => c.inTest);
  if (yaml) {
    const key = FIRST_KEY.exec(yaml.fence.content)?.[1];
    return errorDiag(
      'no-steps',
      `this doc has no steps: the block under the Test Request has no \`steps:\`${key ? ` (its top level is \`${key}:\`)` : ''}`,
      fenceSpan(yaml.fence, file, index),
      {
        expected: EXPECTED,
      },
    );
  }
  return errorDiag('no-steps', 'this doc has no steps: nothing would be sent or checked', fallback, { expected: EXPECTED });
}

function fenceSpan(fence: Fence, file: string, index: LineIndex): SourceSpan {
  return { file, ...index.position(fence.offset), length: 3 };
}
