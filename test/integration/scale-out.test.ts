import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresHandle } from '../../server/adapters/db/database';
import { reserveLetter } from '../../server/services/plans/plan-service';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { newAccount, TestClient } from '../support/http-client';
import { REDIS_URL } from '../support/redis';
import { type RunningApp, startTestApp } from '../support/test-app';

/** Two app instances on one throwaway PostgreSQL database: separate pools, separate caches. */
async function startTwoInstances(env: Record<string, string> = {}) {
  const database = await createTestDatabase('postgres');
  const secondHandle = createPostgresHandle(database.url!, 20);
  const a = await startTestApp(database, env);
  const b = await startTestApp({ ...secondHandle, dispose: secondHandle.close }, env);
  const close = async () => {
    await a.close();
    await b.close();
    await secondHandle.close();
    await database.dispose();
  };
  return { database, a, b, close };
}

/** Twelve wrong passwords for one account, alternating between the two instances. */
async function loginStorm(a: RunningApp, b: RunningApp) {
  const account = newAccount();
  await new TestClient(a.url).post('/api/auth/register', account);
  const answers = [];
  for (let i = 0; i < 12; i++) {
    const instance = i % 2 ? b : a;
    answers.push(
      await new TestClient(instance.url).post('/api/auth/login', {
        email: account.email,
        password: `faux ${i}`,
      }),
    );
  }
  return answers;
}

// Two instances = two processes' worth of state: separate pools, separate token caches, one database.
describe.skipIf(!ENGINES.includes('postgres'))('two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  let close = async () => {};

  beforeAll(async () => {
    ({ database, a, b, close } = await startTwoInstances());
  });
  afterAll(() => close());

  /** A browser whose requests alternate between the two instances (round-robin). */
  function roundRobin() {
    const clients = [new TestClient(a.url), new TestClient(b.url)];
    clients[1]!.defaultHeaders['x-forwarded-for'] = clients[0]!.defaultHeaders['x-forwarded-for']!;
    let turn = 0;
    const sync = () => {
      for (const [name, value] of clients[turn % 2]!.cookies)
        clients[(turn + 1) % 2]!.cookies.set(name, value);
      for (const name of [...clients[(turn + 1) % 2]!.cookies.keys()]) {
        if (!clients[turn % 2]!.cookies.has(name)) clients[(turn + 1) % 2]!.cookies.delete(name);
      }
    };
    return {
      async request(method: string, path: string, json?: unknown) {
        const client = clients[turn % 2]!;
        const response = await client.request(method, path, json === undefined ? {} : { json });
        sync();
        turn++;
        return response;
      },
      cookies: () => clients[turn % 2]!.cookies,
    };
  }

  it('keeps sessions across instances, including rotation and reuse detection', async () => {
    const browser = roundRobin();
    const account = newAccount();
    expect((await browser.request('POST', '/api/auth/register', account)).status).toBe(202);
    expect(
      (await browser.request('POST', '/api/auth/login', { email: account.email, password: account.password }))
        .status,
    ).toBe(200);
    expect((await browser.request('GET', '/api/me')).status).toBe(200); // served by the other instance
    const old = browser.cookies().get('pl_refresh')!;
    expect((await browser.request('POST', '/api/auth/refresh')).status).toBe(200);
    expect((await browser.request('GET', '/api/me')).status).toBe(200);
    // Replaying the old token long after, on the instance that did not rotate it: family revoked.
    await database.db
      .updateTable('refresh_tokens')
      .set({ rotated_at: new Date(Date.now() - 60_000) })
      .where('rotated_at', 'is not', null)
      .execute();
    const thief = new TestClient(b.url);
    thief.cookies.set('pl_refresh', old);
    expect((await thief.post('/api/auth/refresh')).status).toBe(401);
    expect((await browser.request('POST', '/api/auth/refresh')).status).toBe(401);
  });

  it('shares login rate limits across instances (counters in PostgreSQL)', async () => {
    const statuses = (await loginStorm(a, b)).map((answer) => answer.status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('reserves exactly the free quota under 50 concurrent requests from both instances, 20 times', async () => {
    for (let round = 0; round < 20; round++) {
      const account = newAccount();
      await new TestClient(a.url).post('/api/auth/register', account);
      const user = await database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => reserveLetter((i % 2 ? b : a).deps.plans, user.id)),
      );
      const granted = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter(
        (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'quota_exceeded',
      );
      expect(granted).toHaveLength(2);
      expect(refused).toHaveLength(48);
      const rows = await database.db
        .selectFrom('quota_ledger')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      expect(rows).toHaveLength(2);
    }
  });
});

// The same two-instance topology with the counters in Redis (REDIS_URL): a login storm spread
// over both instances is stopped at the same count as with one instance.
describe.skipIf(!ENGINES.includes('postgres') || !REDIS_URL)(
  'two instances sharing rate limits in Redis',
  () => {
    let database: TestDatabase;
    let a: RunningApp;
    let b: RunningApp;
    let close = async () => {};

    beforeAll(async () => {
      ({ database, a, b, close } = await startTwoInstances({ REDIS_URL: REDIS_URL! }));
    });
    afterAll(() => close());

    it('counts login attempts in Redis, shared by both instances, with Retry-After', async () => {
      const answers = await loginStorm(a, b);
      expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(401));
      expect(answers.slice(10).map((r) => r.status)).toEqual([429, 429]);
      expect(Number(answers[11]!.headers.get('retry-after'))).toBeGreaterThan(0);
      // Nothing of it in PostgreSQL: the counters (register, login) live in Redis only.
      expect(await database.db.selectFrom('rate_limits').selectAll().execute()).toEqual([]);
    });
  },
);
