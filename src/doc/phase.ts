import type { Phase } from '../core/model.js';
import type { Heading } from './markdown.js';

const SETUP = /prerequisite|pre-requisite|setup|set up|before/i;
const TEARDOWN = /cleanup|clean up|clean-up|teardown|tear down|after/i;
const TEST = /test|request|main|call/i;

/** Where a block stands: a phase, or a section that only documents (e.g. "Alternative: …", "Example"). */
export type Section = { phase: Phase } | { documentation: Heading };

/**
 * The phase of a step block: the innermost enclosing heading that names a phase wins, so
 * "### Step 1" under "## Prerequisites" is still setup. A block under a section heading (level 2
 * or deeper) that names no phase is documentation: not steps, not run. A block under the title
 * alone (or under no heading) is the test.
 */
export class PhaseTracker {
  private stack: Heading[] = [];

  enter(heading: Heading): void {
    while (this.stack.length && this.stack[this.stack.length - 1].level >= heading.level) this.stack.pop();
    this.stack.push(heading);
  }

  current(): Section {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const text = this.stack[i].text;
      if (SETUP.test(text)) return { phase: 'setup' };
      if (TEARDOWN.test(text)) return { phase: 'teardown' };
      if (TEST.test(text)) return { phase: 'test' };
    }
    const section = [...this.stack].reverse().find((h) => h.level >= 2);
    return section ? { documentation: section } : { phase: 'test' };
  }

  /** Whether the current section is the test (where a request written as ```json is expected). */
  inTest(): boolean {
    const section = this.current();
    return 'phase' in section && section.phase === 'test';
  }
}
