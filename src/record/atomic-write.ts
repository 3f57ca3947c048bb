import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file's content atomically: the new text goes to a temp file in the same folder (same
 * filesystem, so the rename is atomic), is flushed to disk, gets the original mode, then is renamed over
 * the original. A crash or a kill at any moment leaves either the old file or the new one, never a
 * truncated one. `beforeRename` may veto the write at the last moment (false: nothing written). The temp name does not end in `.md`, so a leftover is never taken for a doc.
 */
export async function writeFileAtomic(file: string, text: string, beforeRename?: () => Promise<boolean>): Promise<boolean> {
  const mode = await currentMode(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.stepdoc-tmp`);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode); // `open` applies the umask; the doc keeps exactly its mode
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename && !(await beforeRename())) return false;
    await rename(temp, file);
    renamed = true;
    return true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => {});
  }
}

async function currentMode(file: string): Promise<number> {
  try {
    return (await stat(file)).mode & 0o7777;
  } catch {
    return 0o644;
  }
}
