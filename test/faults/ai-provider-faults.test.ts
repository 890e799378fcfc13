/**
 * The AI provider failing under load, against a real server process talking to the fake Gemini
 * through the official SDK: 20 users write at once while the provider errors, hangs or cuts its
 * streams. Users get a clear error quickly, nobody is charged, the breaker spares the provider
 * and lets letters through again once it is back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini } from '../fakes/fake-gemini';
import type { Reply, ScriptedServer } from '../fakes/scripted-server';
import { signUp, type TestClient } from '../support/http-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { postLetter, readSse } from '../support/sse';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DATA), 'utf8');
const USERS = 20;
const TIMEOUT_MS = 1_000;
const COOLDOWN_MS = 1_500;
const HEALTHY: Reply = { chunks: 10, chunkDelayMs: 20 };

interface Outcome {
  status: number;
  event: string | undefined;
  reason: string | undefined;
  ms: number;
}

/** One letter, streamed to the end: the last event, the error reason if any, the time it took. */
async function write(server: ServerProcess, client: TestClient): Promise<Outcome> {
  const started = performance.now();
  const response = await postLetter(
    server.url,
    client.cookieHeader(),
    {
      cv: { text: text('cv-02.txt') },
      offer: { text: text('offer-02.txt') },
      options: { careerChange: { from: 'professeur', to: 'développeur' }, language: 'fr' },
    },
    client.defaultHeaders,
  );
  if (response.status !== 200) {
    const body = (await response.json()) as { error?: { details?: { reason?: string } } };
    return {
      status: response.status,
      event: undefined,
      reason: body.error?.details?.reason,
      ms: performance.now() - started,
    };
  }
  const events = await readSse(response);
  const last = events.at(-1);
  return {
    status: 200,
    event: last?.event,
    reason: last?.data?.error?.details?.reason,
    ms: performance.now() - started,
  };
}

const writeAll = (server: ServerProcess, clients: TestClient[]) =>
  Promise.all(clients.map((client) => write(server, client)));

const quotaUsed = async (client: TestClient) => (await client.get('/api/plan')).body.quota.used as number;

describe('the AI provider erroring, hanging or cutting streams under load', () => {
  let gemini: ScriptedServer;
  let server: ServerProcess;

  beforeAll(async () => {
    gemini = await startFakeGemini();
    gemini.fallback = HEALTHY;
    server = await startServerProcess({
      AI_PROVIDER: 'gemini',
      GEMINI_API_KEY: 'fake-key',
      GEMINI_BASE_URL: gemini.url,
      AI_TIMEOUT_MS: String(TIMEOUT_MS),
      AI_BREAKER_FAILURES: '5',
      AI_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
      TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await gemini?.close();
  });

  /** Lets an open breaker cool down, then checks a letter goes through again. */
  async function recover() {
    gemini.fallback = HEALTHY;
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 200));
    const { client } = await signUp(server.url);
    expect((await write(server, client)).event).toBe('completed');
  }

  async function users() {
    return (await Promise.all(Array.from({ length: USERS }, () => signUp(server.url)))).map((u) => u.client);
  }

  it.each([
    ['erroring (503)', { status: 503 } as Reply, 'provider_error'],
    ['hanging', { hang: true } as Reply, 'timeout'],
  ])(
    '%s: clear errors within the deadline, then the breaker answers at once and spares the provider',
    async (_name, fault, reason) => {
      const clients = await users();
      gemini.fallback = fault;

      const first = await writeAll(server, clients);
      expect(first.filter((o) => o.event === 'completed')).toEqual([]);
      for (const outcome of first) {
        // Failed in the stream, or — once the breaker has opened — refused with 503 before it.
        expect(outcome.event === 'failed' || outcome.status === 503).toBe(true);
        expect([reason, 'circuit_open']).toContain(outcome.reason);
        // One deadline (2 × AI_TIMEOUT_MS) bounds every call, retries and backoff included.
        expect(outcome.ms).toBeLessThan(2 * TIMEOUT_MS + 1_500);
      }

      // The breaker is open: the next wave is refused at once (503 before any stream, no letter row)
      // and the provider sees nothing of it.
      const seen = gemini.requests.length;
      const second = await writeAll(server, clients);
      expect(second.map((o) => o.reason)).toEqual(Array(USERS).fill('circuit_open'));
      expect(second.map((o) => o.status)).toEqual(Array(USERS).fill(503));
      expect(Math.max(...second.map((o) => o.ms))).toBeLessThan(1_500);
      expect(gemini.requests.length).toBe(seen);

      // Nobody was charged for a letter that was not written.
      expect(await Promise.all(clients.map(quotaUsed))).toEqual(Array(USERS).fill(0));

      // The provider is back: after the cooldown one trial letter closes the breaker, then all pass.
      await recover();
      const back = await writeAll(server, clients);
      expect(back.map((o) => o.event)).toEqual(Array(USERS).fill('completed'));
      expect(await Promise.all(clients.map(quotaUsed))).toEqual(Array(USERS).fill(1));
      console.log(
        `AI provider ${_name}: first wave max ${Math.round(Math.max(...first.map((o) => o.ms)))} ms, ` +
          `breaker wave max ${Math.round(Math.max(...second.map((o) => o.ms)))} ms, recovered after the ${COOLDOWN_MS} ms cooldown`,
      );
    },
  );

  it('cutting streams mid-letter: every letter failed, none kept as complete, nobody charged', async () => {
    const clients = await users();
    gemini.fallback = { chunks: 10, chunkDelayMs: 20, cutAfterChunks: 3 };
    const outcomes = await writeAll(server, clients);
    expect(outcomes.map((o) => o.event)).toEqual(Array(USERS).fill('failed'));
    for (const client of clients) {
      const letters = await client.get('/api/letters');
      expect(letters.body.map((l: { status: string }) => l.status)).not.toContain('complete');
      expect(await quotaUsed(client)).toBe(0);
    }
    await recover();
  });
});
