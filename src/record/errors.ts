import { StepdocError } from '../core/errors.js';

/** A doc whose frontmatter cannot be edited safely (unterminated, invalid YAML, a non-scalar value). */
export class RecordEditError extends StepdocError {
  constructor(message: string, file?: string) {
    super(message, 'record-edit', file ? { file, line: 1, col: 1 } : undefined);
  }
}

/**
 * The doc changed on disk since stepdoc read it (someone edited it during the run).
 * It is a warning, never an overwrite: the user's edit wins and the result is not recorded.
 */
export class RecordConflict extends StepdocError {
  constructor(readonly file: string) {
    super(
      'changed on disk since stepdoc read it; the result was not recorded (the edit is kept)',
      'record-conflict',
      { file, line: 1, col: 1 },
      'run again (or apply the saved report with `stepdoc record`) once the edit is done',
    );
  }
}
