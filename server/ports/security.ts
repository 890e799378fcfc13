/** Ports for credentials and sessions: password hashing, access tokens, rate limits. */

export interface PasswordHasher {
  /** argon2id hash in PHC string format. */
  hash(password: string): Promise<string>;
  /** True when the password matches; never throws on a malformed hash (answers false). */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's and should be redone. */
  needsRehash(hash: string): boolean;
  /** Spends the time of a real verification, so unknown accounts answer as slowly as known ones. */
  verifyDummy(password: string): Promise<void>;
}

export interface AccessClaims {
  userId: string;
  /** Session (refresh-token family) the access token belongs to. */
  sessionId: string;
  expiresAt: Date;
}

export interface AccessTokens {
  /** Signs a short-lived access token; returns it with its lifetime in seconds. */
  issue(userId: string, sessionId: string): Promise<{ token: string; expiresIn: number }>;
  /** The claims of a valid access token, or null (bad signature, alg, type, issuer, audience, expired). */
  verify(token: string): Promise<AccessClaims | null>;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
  hits: number;
}

export interface RateLimiter {
  /** Counts one hit on `key` in a fixed window; shared by every instance (database or Redis). */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision>;
  /** Forgets a key (e.g. after a successful login). */
  reset(key: string): Promise<void>;
  /** Closes its own connection, if it has one (Redis); the database one is closed elsewhere. */
  close?(): Promise<void>;
}
