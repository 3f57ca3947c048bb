import { parentPort, workerData } from 'node:worker_threads';
import { lintFiles, type FilesJob } from './lint-files.js';

/** Worker thread entry: lint a share of the files, post the result back. */
void lintFiles(workerData as FilesJob).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
