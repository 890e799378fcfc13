/**
 * Fixed-window rate limits counted in Redis (REDIS_URL), shared by every instance: one Lua script
 * increments the counter and sets its expiry atomically, so two instances never both see "first
 * hit". Windows follow Redis's own clock. While Redis is unreachable, calls fail at once with
 * 503 `unavailable` (no offline queue: a login must not wait for a reconnection).
 */
import { createClient } from 'redis';
import { AppError } from '../../core/errors';
import type { RateLimiter } from '../../ports/security';

const KEY_PREFIX = 'phoenix:rate:';

// KEYS[1]: counter; ARGV[1]: window in ms. Returns { hits, milliseconds left in the window }.
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if hits == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { hits, ttl }`;

const UNAVAILABLE = {
  fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
  en: 'The service is temporarily unavailable. Try again in a moment.',
};

export async function createRedisRateLimiter(url: string): Promise<RateLimiter & { close(): Promise<void> }> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  // Errors are answered per call (503); the client reconnects by itself. Start-up waits a moment
  // for the first connection but does not depend on it: Redis down means 503s, not a dead server.
  client.on('error', () => {});
  const connecting = client.connect().catch(() => {});
  await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  // The process may exit while the connection is open (tests, shutdown): it must not keep it alive.
  client.unref();

  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch {
      throw new AppError('unavailable', UNAVAILABLE, { reason: 'rate_limit_store' });
    }
  };

  return {
    async hit(key, limit, windowSeconds) {
      const [hits, ttlMs] = (await run(() =>
        client.eval(HIT_SCRIPT, { keys: [KEY_PREFIX + key], arguments: [String(windowSeconds * 1000)] }),
      )) as [number, number];
      return { allowed: hits <= limit, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)), hits };
    },
    async reset(key) {
      await run(() => client.del(KEY_PREFIX + key));
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
