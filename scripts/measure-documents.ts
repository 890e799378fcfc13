// Measures document reading on every PDF/DOCX under ../shared/data: time per file (p50/p95 over
// several runs), words recovered against the synthetic .txt ground truth, and the outcome and time
// of each hostile file. Real documents are reported by name and figures only, never by content.
// Usage: npx tsx scripts/measure-documents.ts [runs=7]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ExtractedDocument,
  extractDocumentText,
} from '../server/adapters/documents/extract-document-text';
import { scoreWordRecall } from '../server/adapters/documents/word-recall';
import { isAppError } from '../server/core/errors';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const SYNTHETIC = join(DATA, 'synthetic');
const RUNS = Number(process.argv[2] ?? 7);

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};

function listFiles(folder: string, pattern: RegExp): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return listFiles(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

async function timeRuns(path: string, runs: number) {
  const bytes = new Uint8Array(readFileSync(path));
  const times: number[] = [];
  let document: ExtractedDocument | null = null;
  let outcome = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    try {
      document = await extractDocumentText(bytes, { filename: basename(path) });
      outcome = 'ok';
    } catch (error) {
      outcome = isAppError(error)
        ? `${error.code} (${String(error.details?.reason)})`
        : `CRASH ${String(error)}`;
    }
    times.push(performance.now() - start);
  }
  return {
    document,
    outcome,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    bytes: bytes.length,
  };
}

const flags = (document: ExtractedDocument | null) =>
  document
    ? Object.entries(document.report)
        .filter(([, value]) => value === true || (typeof value === 'number' && value > 0))
        .map(([key, value]) => (value === true ? key : `${key}=${value}`))
        .join(',') || '-'
    : '';
const pad = (value: unknown, width: number) => String(value).padEnd(width);
const ms = (value: number) => value.toFixed(0).padStart(5);

// Warm the disk cache and the module graph so the first file is not charged for them.
await extractDocumentText(new Uint8Array(readFileSync(join(SYNTHETIC, 'cv-01.pdf'))));

console.log(`\nSynthetic renderings (${RUNS} runs each; recall = share of the .txt words found)`);
console.log(`${pad('file', 26)}${pad('type', 6)}pages words  recall  p50ms p95ms  report`);
for (const path of listFiles(SYNTHETIC, /\.(pdf|docx)$/)
  .filter((path) => !path.includes('/bad/'))
  .sort()) {
  const result = await timeRuns(path, RUNS);
  const reference = join(SYNTHETIC, `${basename(path).match(/^(cv|offer)-\d+/)?.[0] ?? ''}.txt`);
  const recall =
    result.document && existsSync(reference)
      ? scoreWordRecall(readFileSync(reference, 'utf8'), result.document.text).recall.toFixed(3)
      : 'n/a';
  console.log(
    `${pad(basename(path), 26)}${pad(path.endsWith('.pdf') ? 'pdf' : 'docx', 6)}${pad(result.document?.pages ?? '-', 6)}${pad(result.document?.wordCount ?? result.outcome, 7)}${pad(recall, 7)}${ms(result.p50)} ${ms(result.p95)}  ${flags(result.document)}`,
  );
}

console.log('\nReal documents (3 runs each; names and figures only)');
console.log(`${pad('file', 48)}${pad('KB', 6)}pages words  p50ms p95ms  outcome/report`);
for (const path of listFiles(join(DATA, 'real'), /\.(pdf|docx)$/).sort()) {
  const result = await timeRuns(path, 3);
  console.log(
    `${pad(relative(join(DATA, 'real'), path), 48)}${pad(Math.round(result.bytes / 1024), 6)}${pad(result.document?.pages ?? '-', 6)}${pad(result.document?.wordCount ?? '-', 7)}${ms(result.p50)} ${ms(result.p95)}  ${result.outcome === 'ok' ? flags(result.document) : result.outcome}`,
  );
}

console.log('\nHostile files (3 runs each, named as shipped)');
console.log(`${pad('file', 22)}${pad('outcome', 40)}p50ms p95ms`);
for (const path of listFiles(join(SYNTHETIC, 'bad'), /./).sort()) {
  const result = await timeRuns(path, 3);
  console.log(
    `${pad(basename(path), 22)}${pad(result.outcome === 'ok' ? `ok ${result.document?.mediaType}` : result.outcome, 40)}${ms(result.p50)} ${ms(result.p95)}`,
  );
}

const memory = process.memoryUsage();
console.log(
  `\nmain process after all runs: rss ${(memory.rss / 1048576).toFixed(0)} MB, heap ${(memory.heapUsed / 1048576).toFixed(0)} MB`,
);
