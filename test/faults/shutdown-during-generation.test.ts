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

async function startWriting(url: string, cookie: string) {
  const response = await postLetter(url, cookie, {
    cv: { text: text('cv-01.txt') },
    offer: { text: text('offer-01.txt') },
    options: OPTIONS,
  });
  const events: SseEvent[] = [];
  let resolveChunk: () => void = () => {};
  const firstChunk = new Promise<void>((resolve) => (resolveChunk = resolve));
  const done = readSse(response, (event) => {
    events.push(event);
    if (event.event === 'chunk') resolveChunk();
  }).catch(() => events);
  await firstChunk;
  return { events, done };
}

describe('SIGTERM while a letter is being written', () => {
  it('finishes the letter within the grace period, then exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-fault-'));
    const env = { DATA_DIR: dataDir, OFFLINE_STREAM_DELAY_MS: '25', SHUTDOWN_GRACE_SECONDS: '20' };
    const server = await startServerProcess(env);
    const { client, account } = await signUp(server.url);
    const writing = await startWriting(server.url, client.cookieHeader());
    const exited = server.stop('SIGTERM');
    // Once the server says it is shutting down, new work is refused while the letter goes on.
    for (let i = 0; i < 100; i++) {
      const ready = await fetch(`${server.url}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready !== 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = await fetch(`${server.url}/api/plan`, {
      headers: { cookie: client.cookieHeader() },
    }).then(
      (r) => r.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);
    const events = await writing.done;
    expect(events.at(-1)?.event).toBe('completed');
    expect(await exited).toBe(0);

    // After a restart on the same data, the letter is there, complete, and counted once.
    const again = await startServerProcess(env);
    try {
      const fresh = new TestClient(again.url);
      const login = await fresh.post('/api/auth/login', { email: account.email, password: account.password });
      expect(login.status).toBe(200);
      const letters = await fresh.get('/api/letters');
      expect(letters.body.map((l: { status: string }) => l.status)).toEqual(['complete']);
      expect((await fresh.get('/api/plan')).body.quota.used).toBe(1);
    } finally {
      await again.stop();
    }
  });

  it('cuts a letter that outlives the grace period: never saved as complete, nothing counted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-fault-'));
    const env = { DATA_DIR: dataDir, OFFLINE_STREAM_DELAY_MS: '400', SHUTDOWN_GRACE_SECONDS: '1' };
    const server = await startServerProcess(env);
    const { client, account } = await signUp(server.url);
    const writing = await startWriting(server.url, client.cookieHeader());
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const events = await writing.done;
    expect(events.some((e) => e.event === 'completed')).toBe(false);

    const again = await startServerProcess(env);
    try {
      const fresh = new TestClient(again.url);
      await fresh.post('/api/auth/login', { email: account.email, password: account.password });
      const letters = await fresh.get('/api/letters');
      const statuses = letters.body.map((l: { status: string }) => l.status);
      expect(statuses).not.toContain('complete');
      expect((await fresh.get('/api/plan')).body.quota.used).toBe(0);
    } finally {
      await again.stop();
    }
  });
});
