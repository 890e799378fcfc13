/**
 * Letters, through HTTP on a real server process (embedded database):
 * - upload + parse of a 2-page CV as PDF and as DOCX (p50/p95), one request at a time;
 * - generation with the offline engine (letters/s with 8 in flight, p50/p95 of a whole letter);
 * - with the fake Gemini server: time to the first streamed chunk at the client, against the fake's
 *   own time to first chunk measured in the same run (the engine's added latency).
 * The 2-page files are made from cv-06.txt (≈900 words) by our own PDF and DOCX writers.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportLetterDocx, exportLetterPdf, LetterDocumentSchema } from '../server/adapters/documents';
import { signUp, type TestClient } from '../test/support/http-client';
import { postLetter, readSse } from '../test/support/sse';
import { APP_ENTRY, percentile, saveResults, startChild } from './lib';

const DATA = new URL('../../shared/data/synthetic/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

const figure = (times: number[]) => ({
  p50Ms: +percentile(times, 50).toFixed(1),
  p95Ms: +percentile(times, 95).toFixed(1),
});

async function twoPageFiles() {
  const document = LetterDocumentSchema.parse({
    language: 'fr',
    sender: { name: 'CV', lines: [] },
    recipient: { lines: [] },
    body: read('cv-06.txt'),
    signature: '',
  });
  return { pdf: await exportLetterPdf(document), docx: await exportLetterDocx(document) };
}

function upload(client: TestClient, bytes: Uint8Array, filename: string) {
  const form = new FormData();
  form.append('kind', 'cv');
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return client.request('POST', '/api/documents', { body: form });
}

export async function benchUploads(url: string, iterations: number) {
  const { client } = await signUp(url);
  const files = await twoPageFiles();
  const rows = [];
  for (const [format, bytes] of Object.entries(files)) {
    const times: number[] = [];
    for (let i = -3; i < iterations; i++) {
      const start = performance.now();
      const response = await upload(client, bytes, `cv.${format}`);
      if (response.status !== 201) throw new Error(`upload ${format}: ${response.status} ${response.text}`);
      if (i >= 0) times.push(performance.now() - start);
      await client.request('DELETE', `/api/documents/${response.body.id}`);
    }
    rows.push({
      what: `upload + parse, 2-page ${format.toUpperCase()} (${bytes.length} bytes)`,
      ...figure(times),
    });
  }
  return rows;
}

/** Writes `count` letters with `concurrency` in flight; returns letters/s and per-letter times. */
export async function benchGeneration(url: string, count: number, concurrency: number) {
  const { client } = await signUp(url);
  const cv = await client.post('/api/documents', { kind: 'cv', text: read('cv-01.txt') });
  const offer = await client.post('/api/documents', { kind: 'offer', text: read('offer-01.txt') });
  const body = {
    cv: { documentId: cv.body.id },
    offer: { documentId: offer.body.id },
    options: { careerChange: { from: 'infirmier', to: 'data analyst' }, language: 'fr' },
  };
  const total: number[] = [];
  const firstChunk: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        let first = 0;
        const response = await postLetter(url, client.cookieHeader(), body);
        const events = await readSse(response, (event) => {
          if (event.event === 'chunk' && !first) first = performance.now() - t0;
        });
        if (events.at(-1)?.event !== 'completed') failures++;
        total.push(performance.now() - t0);
        firstChunk.push(first);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    lettersPerSecond: +(count / seconds).toFixed(1),
    letter: figure(total),
    firstChunk: figure(firstChunk),
    failures,
    concurrency,
  };
}

export async function benchLetters(iterations = Number(process.env.BENCH_ITERATIONS ?? 40)) {
  const server = await startChild(
    APP_ENTRY,
    {
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-bench-letters-')),
      OFFLINE_STREAM_DELAY_MS: '0',
      FREE_LETTERS_PER_MONTH: '1000000',
    },
    '/readyz',
  );
  try {
    const uploads = await benchUploads(server.url, iterations);
    const offline = await benchGeneration(server.url, iterations * 5, 8);
    console.table(uploads);
    console.table([{ engine: 'offline', ...offline, letter: undefined, firstChunk: undefined }]);
    console.table([
      { what: 'offline letter, whole', ...offline.letter },
      { what: 'offline letter, first chunk', ...offline.firstChunk },
    ]);
    const result = { uploads, offline };
    saveResults('letters', result);
    return result;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLetters();
