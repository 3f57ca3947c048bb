import type { Phase } from '../core/model.js';
import type { Heading } from './markdown.js';

const SETUP = /prerequisite|pre-requisite|setup|set up|before/i;
const TEARDOWN = /cleanup|clean up|clean-up|teardown|tear down|after/i;
const TEST = /test|request|main|call/i;

/**
 * The phase of a step block: the innermost enclosing heading that names a phase wins, so
 * "### Step 1" under "## Prerequisites" is still setup. No such heading → test.
 */
export class PhaseTracker {
  private stack: Heading[] = [];

  enter(heading: Heading): void {
    while (this.stack.length && this.stack[this.stack.length - 1].level >= heading.level) this.stack.pop();
    this.stack.push(heading);
  }

  current(): Phase {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const text = this.stack[i].text;
      if (SETUP.test(text)) return 'setup';
      if (TEARDOWN.test(text)) return 'teardown';
      if (TEST.test(text)) return 'test';
    }
    return 'test';
  }
}
