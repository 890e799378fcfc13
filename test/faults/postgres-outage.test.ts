import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../support/http-client';
import { createPrivatePostgres, POSTGRES_BIN, type PrivatePostgres } from '../support/private-postgres';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const required = process.env.REQUIRE_POSTGRES === '1';
if (!POSTGRES_BIN && required) throw new Error('REQUIRE_POSTGRES=1 but initdb/pg_ctl are missing');

describe.skipIf(!POSTGRES_BIN)('PostgreSQL stopped and restarted under load', () => {
  let cluster: PrivatePostgres;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = await createPrivatePostgres();
    server = await startServerProcess({ DATABASE_URL: cluster.url, TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it('fails fast with 503 during the outage, stays up, and recovers by itself', async () => {
    const { client } = await signUp(server.url);
    expect((await client.get('/api/me')).status).toBe(200);

    // Load: 8 workers reading the session user and the plan in a loop.
    const seen: { at: number; status: number; ms: number; code?: string }[] = [];
    let running = true;
    const workers = Array.from({ length: 8 }, async (_, i) => {
      while (running) {
        const started = performance.now();
        const response = await client.get(i % 2 ? '/api/me' : '/api/plan').catch(() => null);
        seen.push({
          at: Date.now(),
          status: response?.status ?? 0,
          ms: performance.now() - started,
          ...(response && response.status >= 500 ? { code: response.body?.error?.code } : {}),
        });
        await new Promise((r) => setTimeout(r, 20));
      }
    });

    await new Promise((r) => setTimeout(r, 1_000));
    const stoppedAt = Date.now();
    cluster.stop();
    await new Promise((r) => setTimeout(r, 3_000));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const restartedAt = Date.now();
    cluster.start();
    let recoveredAt = 0;
    while (Date.now() - restartedAt < 30_000) {
      const response = await client.get('/api/me');
      if (response.status === 200) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    running = false;
    await Promise.all(workers);

    expect(recoveredAt).toBeGreaterThan(0);
    const recoveryMs = recoveredAt - restartedAt;
    const during = seen.filter((s) => s.at > stoppedAt + 500 && s.at < restartedAt);
    expect(during.length).toBeGreaterThan(10);
    // Every answer during the outage is a clean 503 `unavailable`, and a quick one.
    expect(during.every((s) => s.status === 503 && s.code === 'unavailable')).toBe(true);
    expect(Math.max(...during.map((s) => s.ms))).toBeLessThan(3_000);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    console.log(
      `PostgreSQL outage: ${during.length} answers during the outage, all 503 (max ${Math.round(Math.max(...during.map((s) => s.ms)))} ms); recovered ${recoveryMs} ms after restart`,
    );
  });
});
