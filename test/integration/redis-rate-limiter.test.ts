import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../server/adapters/redis/rate-limiter';
import { AppError } from '../../server/core/errors';
import { REDIS_URL } from '../support/redis';
import { freePort } from '../support/server-process';

describe.skipIf(!REDIS_URL)('rate limits in Redis (real server)', () => {
  let limiter: Awaited<ReturnType<typeof createRedisRateLimiter>>;
  let other: Awaited<ReturnType<typeof createRedisRateLimiter>>;

  beforeAll(async () => {
    limiter = await createRedisRateLimiter(REDIS_URL!);
    other = await createRedisRateLimiter(REDIS_URL!); // a second instance's client
  });
  afterAll(async () => {
    await limiter?.close();
    await other?.close();
  });

  it('counts hits from two clients in one window, exactly, under concurrency', async () => {
    const key = `test:${randomUUID()}`;
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? other : limiter).hit(key, 25, 60)),
    );
    expect(decisions.map((d) => d.hits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
    for (const decision of decisions) {
      expect(decision.retryAfterSeconds).toBeGreaterThan(0);
      expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it('opens a new window once the old one expires, and forgets a key on reset', async () => {
    const key = `test:${randomUUID()}`;
    await limiter.hit(key, 1, 1);
    expect((await limiter.hit(key, 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await limiter.hit(key, 1, 1)).toMatchObject({ allowed: true, hits: 1 });
    await limiter.hit(key, 1, 60);
    await other.reset(key);
    expect(await limiter.hit(key, 1, 60)).toMatchObject({ allowed: true, hits: 1 });
  });

  it('starts without Redis, answers 503 unavailable at once meanwhile', async () => {
    const started = Date.now();
    const unreachable = await createRedisRateLimiter(`redis://127.0.0.1:${await freePort()}`);
    expect(Date.now() - started).toBeLessThan(3_000);
    const asked = Date.now();
    const error = await unreachable.hit('test:unreachable', 1, 60).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect(Date.now() - asked).toBeLessThan(500);
    await unreachable.close();
  });
});
