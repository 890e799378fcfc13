/**
 * Access tokens: HS256 JWTs (jose) with issuer, audience, type and expiry checked and only HS256
 * accepted. Verified tokens are remembered until they expire in a bounded map, because verifying a
 * JWT on every request costs about as much as the database round trip (DESIGN §9).
 */
import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../ports/clock';
import type { AccessClaims, AccessTokens } from '../../ports/security';

const ISSUER = 'phoenix-letters';
const AUDIENCE = 'phoenix-letters:api';
const TOKEN_TYPE = 'access';
const CACHE_LIMIT = 10_000;

export function createAccessTokens(options: {
  secret: string;
  ttlSeconds: number;
  clock: Clock;
}): AccessTokens {
  const key = createHash('sha256').update(options.secret).digest();
  const verified = new Map<string, AccessClaims>();

  const remember = (token: string, claims: AccessClaims) => {
    if (verified.size >= CACHE_LIMIT) {
      // Drop the oldest entries (Map keeps insertion order): a cheap bounded cache.
      for (const oldest of verified.keys()) {
        verified.delete(oldest);
        if (verified.size < CACHE_LIMIT * 0.9) break;
      }
    }
    verified.set(token, claims);
  };

  return {
    async issue(userId, sessionId) {
      const now = Math.floor(options.clock.now().getTime() / 1000);
      const token = await new SignJWT({ typ: TOKEN_TYPE, sid: sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + options.ttlSeconds)
        .sign(key);
      return { token, expiresIn: options.ttlSeconds };
    },

    async verify(token) {
      const now = options.clock.now();
      const cached = verified.get(token);
      if (cached) {
        if (cached.expiresAt > now) return cached;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: now,
          requiredClaims: ['exp', 'sub', 'iat'],
        });
        if (
          payload.typ !== TOKEN_TYPE ||
          typeof payload.sid !== 'string' ||
          typeof payload.sub !== 'string'
        ) {
          return null;
        }
        const claims: AccessClaims = {
          userId: payload.sub,
          sessionId: payload.sid,
          expiresAt: new Date((payload.exp ?? 0) * 1000),
        };
        remember(token, claims);
        return claims;
      } catch {
        return null;
      }
    },
  };
}
