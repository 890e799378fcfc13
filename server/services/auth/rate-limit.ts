import { AppError } from '../../core/errors';
import type { RateLimiter } from '../../ports/security';

/** Counts a hit and throws 429 `rate_limited` (with Retry-After) when the limit is passed. */
export async function enforceRateLimit(
  limiter: RateLimiter,
  key: string,
  [limit, windowSeconds]: readonly [number, number],
): Promise<void> {
  const decision = await limiter.hit(key, limit, windowSeconds);
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new AppError(
      'rate_limited',
      {
        fr: `Trop de tentatives. Réessayez dans ${minutes} min.`,
        en: `Too many attempts. Try again in ${minutes} min.`,
      },
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
