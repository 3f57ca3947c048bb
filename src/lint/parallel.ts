import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFiles, type FilesJob, type FilesResult } from './lint-files.js';

/** Below this many files a worker's start-up (~100 ms of module loading) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 1500;
const MAX_THREADS = 4;

/**
 * Lints the files on this thread and, for large sets on a multi-core machine, on worker threads too:
 * docs are independent, so the work splits evenly by file. Workers run the compiled code only
 * (the dist build); from TypeScript sources (tests) everything stays on this thread.
 */
export async function lintInParallel(job: FilesJob): Promise<FilesResult> {
  const workerFile = new URL('./worker.js', import.meta.url);
  const compiled = import.meta.url.endsWith('.js');
  const threads = Math.min(MAX_THREADS, availableParallelism(), Math.floor(job.files.length / (MIN_FILES_FOR_WORKERS / 2)));
  if (!compiled || threads < 2 || process.env.STEPDOC_LINT_THREADS === '1') return lintFiles(job);
  const shares = split(job.files, threads);
  const workers = shares.slice(1).map((files) => runWorker(workerFile, { ...job, files }));
  const results = [await lintFiles({ ...job, files: shares[0] }), ...(await Promise.all(workers))];
  return {
    diagnostics: results.flatMap((r) => r.diagnostics),
    docs: results.reduce((n, r) => n + r.docs, 0),
    sources: results.flatMap((r) => r.sources),
  };
}

/** Contiguous shares, so each thread reads neighbouring files (and used docs) like a single pass would. */
function split<T>(items: T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function runWorker(file: URL, job: FilesJob): Promise<FilesResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(file, { workerData: job });
    worker.once('message', (message: { ok: boolean; result?: FilesResult; message?: string }) => {
      if (message.ok) resolvePromise(message.result!);
      else reject(new Error(`lint worker failed: ${message.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
