import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createDocumentError } from './document-errors';
import type { PdfPageItems } from './pdf-layout';

/** What the worker returns: positioned PDF text items, or mammoth's raw DOCX text. */
export type WorkerOutput = { kind: 'pdf'; pages: PdfPageItems[] } | { kind: 'docx'; text: string };

/** Resource limits for one extraction. */
export interface WorkerLimits {
  timeoutMs: number;
  /** Old-generation heap of the worker; pdf.js needs ~30 MB for a normal CV. */
  maxHeapMb: number;
}

type WorkerMessage =
  | { ok: true; result: WorkerOutput }
  | { ok: false; error: { name: string; message: string } };

// Beside this file under tsx; from the esbuild bundle (dist/server/*.mjs) the source tree's copy,
// since the bundler does not copy worker files.
const WORKER_CANDIDATES = [
  new URL('./extract-worker.mjs', import.meta.url),
  new URL('../../server/adapters/documents/extract-worker.mjs', import.meta.url),
];

function locateWorker(): URL {
  const found = WORKER_CANDIDATES.find((url) => existsSync(fileURLToPath(url)));
  if (!found) throw new Error('extract-worker.mjs not found next to the documents adapter');
  return found;
}

/**
 * Parses one PDF or DOCX in a fresh worker thread with a heap cap and a deadline: a hostile file can
 * exhaust the worker (which is then terminated), never the server. A fresh worker per file costs
 * ~130 ms of module loading and guarantees nothing leaks from one upload to the next.
 */
export function runExtractWorker(
  kind: 'pdf' | 'docx',
  bytes: Uint8Array,
  limits: WorkerLimits,
): Promise<WorkerOutput> {
  const copy = new Uint8Array(bytes); // transferred, so the caller's buffer stays usable
  const worker = new Worker(locateWorker(), {
    workerData: { kind, bytes: copy },
    transferList: [copy.buffer],
    resourceLimits: {
      maxOldGenerationSizeMb: limits.maxHeapMb,
      maxYoungGenerationSizeMb: 16,
      stackSizeMb: 4,
    },
    // The worker is plain JavaScript: skip the parent's loaders (tsx) that would triple its start-up.
    execArgv: [],
    stdout: true, // pdf.js may print; keep it out of the server's logs
    stderr: true,
  });
  return new Promise<WorkerOutput>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(createDocumentError('timeout', { timeoutMs: limits.timeoutMs }))),
      limits.timeoutMs,
    );
    worker.once('message', (message: WorkerMessage) =>
      finish(() => (message.ok ? resolve(message.result) : reject(mapWorkerFailure(kind, message.error)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? createDocumentError('too_complex', { heapMb: limits.maxHeapMb })
            : createDocumentError('parser_failed', { cause: error.message }),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(createDocumentError('parser_failed', { cause: `worker exited with ${code}` }))),
    );
  });
}

function mapWorkerFailure(kind: 'pdf' | 'docx', error: { name: string; message: string }) {
  if (error.name === 'PasswordException') return createDocumentError('encrypted_pdf');
  if (error.name === 'TooLarge') return createDocumentError('too_complex', { cause: error.message });
  if (kind === 'pdf') return createDocumentError('corrupt_pdf', { cause: `${error.name}: ${error.message}` });
  return createDocumentError('corrupt_zip', { cause: `${error.name}: ${error.message}` });
}
