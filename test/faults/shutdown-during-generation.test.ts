import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signUp, TestClient } from '../support/http-client';
import { startServerProcess } from '../support/server-process';
import { postLetter, readSse, type SseEvent } from '../support/sse';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DATA), 'utf8');
const OPTIONS = { careerChange: { from: 'infirmier', to: 'data analyst' }, language: 'fr' };
const WRITERS = 20;

type Account = Awaited<ReturnType<typeof signUp>>;

function letterRequest(url: string, client: TestClient) {
  return postLetter(
    url,
    client.cookieHeader(),
    { cv: { text: text('cv-01.txt') }, offer: { text: text('offer-01.txt') }, options: OPTIONS },
    client.defaultHeaders,
  );
}

/** Starts one streamed letter per account: `started` once each has sent its first chunk, `done` at the end. */
function startWriting(url: string, accounts: Account[]) {
  let completed = 0;
  const streams = accounts.map(({ client }) => {
    const events: SseEvent[] = [];
    let resolveChunk: () => void = () => {};
    const firstChunk = new Promise<void>((resolve) => (resolveChunk = resolve));
    const done = letterRequest(url, client).then(async (response) => {
      expect(response.status).toBe(200);
      await readSse(response, (event) => {
        events.push(event);
        if (event.event === 'chunk') resolveChunk();
        if (event.event === 'completed') completed++;
      }).catch(() => {});
      return events;
    });
    return { firstChunk, done };
  });
  return {
    started: Promise.all(streams.map((s) => s.firstChunk)),
    done: Promise.all(streams.map((s) => s.done)),
    completed: () => completed,
  };
}

async function signUpMany(url: string, count: number) {
  return Promise.all(Array.from({ length: count }, () => signUp(url)));
}

/** Logs each account in on `url` and returns its letters' statuses and the month's quota use. */
async function lettersAfterRestart(url: string, accounts: Account[]) {
  return Promise.all(
    accounts.map(async ({ account }) => {
      const fresh = new TestClient(url);
      const login = await fresh.post('/api/auth/login', { email: account.email, password: account.password });
      expect(login.status).toBe(200);
      const letters = await fresh.get('/api/letters');
      const plan = await fresh.get('/api/plan');
      return {
        statuses: letters.body.map((l: { status: string }) => l.status) as string[],
        used: plan.body.quota.used as number,
      };
    }),
  );
}

describe(`SIGTERM while ${WRITERS} letters are being written`, () => {
  it('finishes every letter within the grace period, refuses new ones, then exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-fault-'));
    const env = {
      DATA_DIR: dataDir,
      OFFLINE_STREAM_DELAY_MS: '25',
      SHUTDOWN_GRACE_SECONDS: '20',
      TRUST_PROXY: 'true',
    };
    const server = await startServerProcess(env);
    const writers = await signUpMany(server.url, WRITERS);
    const latecomer = await signUp(server.url);
    const writing = startWriting(server.url, writers);
    // Every stream under way, none finished: then the server is asked to stop.
    await writing.started;
    expect(writing.completed()).toBe(0);
    const stopping = Date.now();
    const exited = server.stop('SIGTERM');

    // Once the server says it is shutting down, a new letter is refused while the others go on.
    for (let i = 0; i < 100; i++) {
      const ready = await fetch(`${server.url}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready !== 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = await letterRequest(server.url, latecomer.client).then(
      (r) => r.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);

    const results = await writing.done;
    expect(results.map((events) => events.at(-1)?.event)).toEqual(Array(WRITERS).fill('completed'));
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(20_000);

    // After a restart on the same data, every letter is there, complete, and counted once;
    // the refused latecomer was charged nothing.
    const again = await startServerProcess(env);
    try {
      const after = await lettersAfterRestart(again.url, writers);
      expect(after).toEqual(Array(WRITERS).fill({ statuses: ['complete'], used: 1 }));
      expect(await lettersAfterRestart(again.url, [latecomer])).toEqual([{ statuses: [], used: 0 }]);
    } finally {
      await again.stop();
    }
  });

  it('cuts letters that outlive the grace period: none saved as complete, nothing counted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-fault-'));
    const env = {
      DATA_DIR: dataDir,
      OFFLINE_STREAM_DELAY_MS: '400',
      SHUTDOWN_GRACE_SECONDS: '1',
      TRUST_PROXY: 'true',
    };
    const server = await startServerProcess(env);
    const writers = await signUpMany(server.url, WRITERS);
    const writing = startWriting(server.url, writers);
    await writing.started;
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const results = await writing.done;
    expect(results.filter((events) => events.some((e) => e.event === 'completed'))).toEqual([]);

    const again = await startServerProcess(env);
    try {
      const after = await lettersAfterRestart(again.url, writers);
      expect(after.flatMap((a) => a.statuses)).not.toContain('complete');
      expect(after.map((a) => a.used)).toEqual(Array(WRITERS).fill(0));
    } finally {
      await again.stop();
    }
  });
});
