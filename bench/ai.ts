/**
 * The AI engines, measured:
 * - prompt size of one letter on each shared CV/offer pair, in tokens estimated as characters / 4
 *   (no provider tokenizer is shipped; Gemini and GPT tokenizers give about 4 characters per token
 *   in French and English prose);
 * - the offline writer's time per letter (brief + composition), in process;
 * - the engine's added latency: time to the first streamed chunk at the client through the real
 *   server and the real @google/genai SDK, minus the fake Gemini's own time to first chunk measured
 *   directly in the same run (one letter at a time, then 200 at once), with errors and the server's
 *   peak RSS (VmHWM).
 * With TEST_DATABASE_URL set the server runs on a throwaway PostgreSQL database, else on PGlite.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeOfflineLetter } from '../server/core/letter/offline-composer';
import { buildLetterPrompt } from '../server/core/letter/prompt';
import { startFakeGemini } from '../test/fakes/fake-gemini';
import type { ScriptedServer } from '../test/fakes/scripted-server';
import { createTestDatabase, type TestDatabase } from '../test/support/databases';
import { signUp } from '../test/support/http-client';
import { briefFromTexts, SHARED_PAIRS as PAIRS, readSynthetic as read } from '../test/support/shared-data';
import { postLetter, readSse } from '../test/support/sse';
import { APP_ENTRY, percentile, saveResults, startChild } from './lib';

const stats = (values: number[]) => ({
  p50Ms: +percentile(values, 50).toFixed(1),
  p95Ms: +percentile(values, 95).toFixed(1),
});

const briefFor = (id: string, careerChange: { from: string; to: string }) =>
  briefFromTexts(read(`cv-${id}.txt`), read(`offer-${id}.txt`), { careerChange });

export function benchPrompts() {
  const rows = PAIRS.map((pair) => {
    const prompt = buildLetterPrompt(briefFor(pair.id, pair.careerChange));
    const characters = prompt.system.length + prompt.prompt.length;
    return {
      pair: pair.id,
      characters,
      estimatedTokens: Math.ceil(characters / 4),
      maxOutput: prompt.maxOutputTokens,
    };
  });
  const tokens = rows.map((r) => r.estimatedTokens);
  return {
    rows,
    minTokens: Math.min(...tokens),
    meanTokens: Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length),
    maxTokens: Math.max(...tokens),
  };
}

export function benchOfflineWriter(rounds = 10) {
  const times: number[] = [];
  for (let round = -1; round < rounds; round++) {
    for (const pair of PAIRS) {
      const start = performance.now();
      composeOfflineLetter(briefFor(pair.id, pair.careerChange));
      if (round >= 0) times.push(performance.now() - start);
    }
  }
  return { letters: times.length, ...stats(times) };
}

/** The fake's own time to its first streamed chunk, asked directly (no SDK, no server). */
async function fakeFirstChunk(fake: ScriptedServer): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${fake.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Bonjour' }] }] }),
  });
  const reader = response.body!.getReader();
  await reader.read();
  const elapsed = performance.now() - start;
  await reader.cancel();
  return elapsed;
}

async function serverFirstChunk(url: string, cookie: string, body: unknown) {
  const start = performance.now();
  let first = 0;
  const response = await postLetter(url, cookie, body);
  if (!response.headers.get('content-type')?.includes('event-stream')) {
    const answer = (await response.json()) as { error?: { code?: string } };
    return {
      first: 0,
      ok: false,
      failure: `${response.status} ${answer.error?.code}`,
      total: performance.now() - start,
    };
  }
  const events = await readSse(response, (event) => {
    if (event.event === 'chunk' && !first) first = performance.now() - start;
  });
  const last = events.at(-1);
  const ok = last?.event === 'completed';
  return {
    first,
    ok,
    failure: ok
      ? ''
      : `${last?.event} ${last?.data?.error?.code} ${JSON.stringify(last?.data?.error?.details ?? {})}`,
    total: performance.now() - start,
  };
}

/** The server's resident memory: now (VmRSS) or its peak so far (VmHWM), in MB. */
function rssMb(pid: number | undefined, which: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${which}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function benchEngineLatency(sequential = 40, concurrent = 200) {
  const fake = await startFakeGemini();
  // A fixed chunk latency, as a real provider's: 20 chunks, 40 ms apart.
  fake.fallback = { chunks: 20, chunkDelayMs: 40 };
  let database: TestDatabase | undefined;
  const env: Record<string, string> = {
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-bench-ai-')),
    GEMINI_API_KEY: 'bench-key',
    GEMINI_BASE_URL: fake.url,
    FREE_LETTERS_PER_MONTH: '1000000',
    // Each test client comes from its own address (X-Forwarded-For), as distinct users do.
    TRUST_PROXY: 'true',
    AI_DAILY_TOKENS_PER_USER: '1000000000',
    AI_DAILY_TOKENS_TOTAL: '1000000000',
  };
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase('postgres');
    env.DATABASE_URL = database.url!;
  }
  const server = await startChild(APP_ENTRY, env, '/readyz');
  try {
    // One user per stream, as in real traffic: each has its own quota, slot and documents, and
    // its own CV text (a reference line differs), so no letter reuses another's brief analyses.
    const makeWriter = async (i: number) => {
      const { client } = await signUp(server.url);
      const cvText = `${read('cv-01.txt')}\nRéférence du dossier : ${i}`;
      const cv = await client.post('/api/documents', { kind: 'cv', text: cvText });
      const offer = await client.post('/api/documents', { kind: 'offer', text: read('offer-01.txt') });
      return {
        cookie: client.cookieHeader(),
        body: {
          cv: { documentId: cv.body.id },
          offer: { documentId: offer.body.id },
          options: { careerChange: { from: 'infirmier', to: 'data analyst' }, language: 'fr' },
        },
      };
    };
    const writers: { cookie: string; body: unknown }[] = [];
    for (let i = 0; i < concurrent + sequential + 1; i++) writers.push(await makeWriter(i));
    const burst = writers.slice(0, concurrent);
    const firsts = writers.slice(concurrent, concurrent + sequential);
    const repeater = writers.at(-1)!;
    // Warm-up: the SDK is loaded, the connections opened, the repeater's pair analysed once.
    for (let i = 0; i < 3; i++) await serverFirstChunk(server.url, repeater.cookie, repeater.body);

    /** One letter at a time, the fake's own first chunk measured just before each. */
    const oneAtATime = async (pick: (i: number) => { cookie: string; body: unknown }) => {
      const own: number[] = [];
      const through: number[] = [];
      let errors = 0;
      for (let i = 0; i < sequential; i++) {
        own.push(await fakeFirstChunk(fake));
        const { cookie, body } = pick(i);
        const run = await serverFirstChunk(server.url, cookie, body);
        through.push(run.first);
        if (!run.ok) errors++;
      }
      const ownP50 = percentile(own, 50);
      return {
        fakeFirstChunk: stats(own),
        serverFirstChunk: stats(through),
        added: stats(through.map((t) => t - ownP50)),
        errors,
      };
    };
    const firstLetter = await oneAtATime((i) => firsts[i]!);
    const sameOffer = await oneAtATime(() => repeater);

    const rssBeforeBurstMb = rssMb(server.child.pid, 'VmRSS');
    // Reset the peak so that it measures the burst, not the 200 sign-ups (argon2id takes 19 MiB per
    // hash) before it. Linux: writing 5 to clear_refs resets VmHWM.
    try {
      writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5');
    } catch {
      // not permitted here: the peak then covers the whole run
    }
    const ownUnderLoad: number[] = [];
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: concurrent }, async (_, i) => {
        if (i % 10 === 0) ownUnderLoad.push(await fakeFirstChunk(fake));
        return serverFirstChunk(server.url, burst[i]!.cookie, burst[i]!.body);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const ownLoadP50 = percentile(ownUnderLoad, 50);
    const atOnce = {
      streams: concurrent,
      errors: runs.filter((r) => !r.ok).length,
      failures: [...new Set(runs.filter((r) => !r.ok).map((r) => r.failure))],
      seconds: +seconds.toFixed(1),
      fakeFirstChunk: stats(ownUnderLoad),
      serverFirstChunk: stats(runs.map((r) => r.first)),
      added: stats(runs.map((r) => r.first - ownLoadP50)),
      letter: stats(runs.map((r) => r.total)),
      rssBeforeBurstMb,
      peakRssMb: rssMb(server.child.pid, 'VmHWM'),
    };
    return { database: database ? 'postgres' : 'pglite', firstLetter, sameOffer, atOnce };
  } finally {
    await server.stop();
    await fake.close();
    await database?.dispose();
  }
}

export async function benchAi() {
  const prompts = benchPrompts();
  console.table(prompts.rows);
  console.log(
    `prompt tokens (characters/4): min ${prompts.minTokens}, mean ${prompts.meanTokens}, max ${prompts.maxTokens}`,
  );
  const offline = benchOfflineWriter();
  console.table([{ what: 'offline letter (brief + composition), in process', ...offline }]);
  const latency = await benchEngineLatency(
    Number(process.env.BENCH_ITERATIONS ?? 40),
    Number(process.env.BENCH_STREAMS ?? 200),
  );
  console.log(`engine latency over the fake Gemini (${latency.database}):`);
  if (latency.atOnce.failures.length) console.log('failures:', latency.atOnce.failures);
  console.table([
    { run: 'one at a time, first letter for a CV/offer pair', ...flatten(latency.firstLetter) },
    { run: 'one at a time, another letter for the same pair', ...flatten(latency.sameOffer) },
    { run: `${latency.atOnce.streams} at once`, ...flatten(latency.atOnce) },
  ]);
  const result = { prompts, offline, latency };
  saveResults('ai', result);
  return result;
}

function flatten(figures: Record<string, unknown>) {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (value && typeof value === 'object')
      for (const [inner, v] of Object.entries(value)) row[`${key}.${inner.replace('Ms', '')}`] = v;
    else row[key] = value;
  }
  return row;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAi();
