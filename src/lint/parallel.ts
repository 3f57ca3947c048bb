import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFiles, type FilesJob, type FilesResult } from './lint-files.js';

/** Below this many files per thread a worker's start-up (module loading, JIT warm-up) costs more than it saves. */
const MIN_FILES_PER_THREAD = 1000;

/**
 * Lints the files on this thread and, when asked (`--threads N`), on worker threads too: docs are
 * independent, so the work splits evenly by file. Opt-in, because a worker pays its own start-up and
 * JIT warm-up: it wins on idle cores, and loses on a busy machine (measured: 10,000 docs took 2.0 s on
 * one thread and 2.9 s on two on the shared 2-core build machine). Workers run the compiled code only
 * (dist); from TypeScript sources (tests) everything stays on this thread.
 */
export async function lintInParallel(job: FilesJob, requested = 1): Promise<FilesResult> {
  const workerFile = new URL('./worker.js', import.meta.url);
  const compiled = import.meta.url.endsWith('.js');
  const threads = Math.min(requested, availableParallelism(), Math.floor(job.files.length / MIN_FILES_PER_THREAD));
  if (!compiled || threads < 2) return lintFiles(job);
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
