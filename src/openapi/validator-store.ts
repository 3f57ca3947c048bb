import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A content-addressed disk cache of compiled validators: ajv's standalone code, one file per schema
 * location of a converted spec document. Compiling is the largest cost of validating against a big
 * spec (issue 19); loading the generated code is about a sixth of it, and needs no ajv at all.
 *
 * Safety: the key is a hash of everything the generated code depends on (the converted document,
 * the pointer, ajv's and ajv-formats' versions, the options — see `fingerprint`), so a changed spec or
 * library is a different entry, never a stale one. Each file carries a hash of its code; a file that
 * does not match, or does not evaluate, is ignored (compiled again and rewritten). Writes are atomic
 * (a temporary file renamed). Any I/O failure turns the cache off for that spec: never a failure of the run.
 */
export class ValidatorStore {
  constructor(private readonly root: string) {}

  /** The entries of one converted document (`fingerprint` says what else the code depends on). */
  forDocument(documentJson: string, fingerprint: string): DocumentEntries {
    const key = sha256(`${fingerprint}\n${documentJson}`);
    return new DocumentEntries(path.join(this.root, FORMAT, key.slice(0, 32)));
  }
}

/** Bumped when the layout or what a file holds changes. */
const FORMAT = 'validators-v1';
/** Entries of documents not used for this long are removed when a new document is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const HEADER = '// stepdoc validator ';

export class DocumentEntries {
  private touched = false;

  constructor(private readonly dir: string) {}

  /** The standalone code stored for `pointer`, if present and intact. */
  read(pointer: string): string | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(pointer), 'utf8');
    } catch {
      return undefined;
    }
    this.touch();
    const newline = text.indexOf('\n');
    if (!text.startsWith(HEADER) || newline < 0) return undefined;
    const code = text.slice(newline + 1);
    return text.slice(HEADER.length, newline) === sha256(code) ? code : undefined;
  }

  write(pointer: string, code: string): void {
    try {
      const isNew = !exists(this.dir);
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      if (isNew) pruneOld(path.dirname(this.dir));
      const target = this.file(pointer);
      const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, `${HEADER}${sha256(code)}\n${code}`, { mode: 0o600 });
      renameSync(temporary, target);
    } catch {
      // A read-only or full disk costs the next run a compile, nothing else.
    }
  }

  private file(pointer: string): string {
    return path.join(this.dir, `${sha256(pointer).slice(0, 32)}.js`);
  }

  /** Marks the document as in use (its directory's mtime), once per process, for `pruneOld`. */
  private touch(): void {
    if (this.touched) return;
    this.touched = true;
    try {
      const now = new Date();
      utimesSync(this.dir, now, now);
    } catch {
      // Not essential: at worst the entries are pruned and compiled again.
    }
  }
}

function pruneOld(parent: string): void {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of readdirSync(parent)) {
    const dir = path.join(parent, name);
    try {
      if (statSync(dir).mtimeMs < cutoff) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

function exists(dir: string): boolean {
  try {
    statSync(dir);
    return true;
  } catch {
    return false;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
