/**
 * Log in, refresh, log out. Refresh tokens rotate on every use; presenting an already-rotated token
 * after the grace window revokes its whole family (token theft); concurrent refreshes with the same
 * token yield one rotation, the others get an access token only.
 */
import { randomUUID } from 'node:crypto';
import { toPublicUser, type UserAccount } from '../../core/auth/user';
import { AppError } from '../../core/errors';
import type { AuthDeps } from './deps';
import { LIMITS } from './deps';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens';
import { enforceRateLimit } from './rate-limit';

const DAY_MS = 86_400_000;

export const INVALID_CREDENTIALS = {
  fr: 'E-mail ou mot de passe incorrect.',
  en: 'Incorrect e-mail or password.',
};

const SESSION_EXPIRED = {
  fr: 'Votre session a expiré. Veuillez vous reconnecter.',
  en: 'Your session has expired. Please log in again.',
};

export interface IssuedSession {
  user: ReturnType<typeof toPublicUser>;
  accessToken: string;
  accessExpiresIn: number;
  /** Absent when a concurrent refresh already rotated the token (keep the cookie you have). */
  refreshToken?: string;
  refreshExpiresAt?: Date;
}

/** Starts a new session family for the user (every login gets a fresh one). */
export async function startSession(deps: AuthDeps, user: UserAccount, userAgent: string | null) {
  const now = deps.clock.now();
  const familyId = randomUUID();
  const { token, hash } = newOpaqueToken();
  const absoluteExpiresAt = new Date(now.getTime() + deps.settings.sessionAbsoluteDays * DAY_MS);
  await deps.sessions.create({ userId: user.id, familyId, tokenHash: hash, absoluteExpiresAt, userAgent });
  const access = await deps.accessTokens.issue(user.id, familyId);
  return {
    user: toPublicUser(user),
    accessToken: access.token,
    accessExpiresIn: access.expiresIn,
    refreshToken: token,
    refreshExpiresAt: refreshCookieExpiry(deps, now, absoluteExpiresAt),
    familyId,
  };
}

function refreshCookieExpiry(deps: AuthDeps, now: Date, absoluteExpiresAt: Date): Date {
  const idle = new Date(now.getTime() + deps.settings.sessionIdleDays * DAY_MS);
  return idle < absoluteExpiresAt ? idle : absoluteExpiresAt;
}

export async function login(
  deps: AuthDeps,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<IssuedSession> {
  await enforceRateLimit(deps.rateLimiter, `login:ip:${input.ip}`, LIMITS.loginPerIp);
  await enforceRateLimit(deps.rateLimiter, `login:account:${input.email}`, LIMITS.loginPerAccount);

  const user = await deps.users.findByEmail(input.email);
  if (!user) {
    await deps.hasher.verifyDummy(input.password);
    throw new AppError('unauthenticated', INVALID_CREDENTIALS);
  }
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    await deps.audit.record(user.id, 'login_failed');
    throw new AppError('unauthenticated', INVALID_CREDENTIALS);
  }
  await deps.rateLimiter.reset(`login:account:${input.email}`);
  let current = user;
  if (deps.hasher.needsRehash(user.passwordHash)) {
    current =
      (await deps.users.update(user.id, { passwordHash: await deps.hasher.hash(input.password) })) ?? user;
  }
  await deps.audit.record(user.id, 'login');
  await deps.users.touch(user.id, deps.clock.now());
  return startSession(deps, current, input.userAgent);
}

export async function refresh(
  deps: AuthDeps,
  input: { refreshToken: string | undefined; ip: string; userAgent: string | null },
): Promise<IssuedSession> {
  await enforceRateLimit(deps.rateLimiter, `refresh:ip:${input.ip}`, LIMITS.refreshPerIp);
  if (!input.refreshToken) throw new AppError('unauthenticated', SESSION_EXPIRED);
  const now = deps.clock.now();
  const session = await deps.sessions.findByHash(hashOpaqueToken(input.refreshToken));
  if (!session || session.revokedAt) throw new AppError('unauthenticated', SESSION_EXPIRED);

  const idleLimit = new Date(session.lastUsedAt.getTime() + deps.settings.sessionIdleDays * DAY_MS);
  if (session.absoluteExpiresAt <= now || idleLimit <= now) {
    await deps.sessions.revokeFamily(session.familyId, now);
    throw new AppError('unauthenticated', SESSION_EXPIRED);
  }

  const user = await deps.users.findById(session.userId);
  if (!user) throw new AppError('unauthenticated', SESSION_EXPIRED);

  const won = session.rotatedAt === null && (await deps.sessions.markRotated(session.id, now));
  if (!won) {
    const latest = session.rotatedAt
      ? session
      : await deps.sessions.findByHash(hashOpaqueToken(input.refreshToken));
    const rotatedAt = latest?.rotatedAt;
    const withinGrace =
      rotatedAt !== null &&
      rotatedAt !== undefined &&
      now.getTime() - rotatedAt.getTime() <= deps.settings.refreshGraceSeconds * 1000 &&
      (await deps.sessions.isFamilyActive(session.familyId));
    if (!withinGrace) {
      // A rotated token presented again, later: it was stolen or replayed. End the whole family.
      await deps.sessions.revokeFamily(session.familyId, now);
      await deps.audit.record(user.id, 'refresh_token_reuse', { familyId: session.familyId });
      throw new AppError('unauthenticated', SESSION_EXPIRED);
    }
    const access = await deps.accessTokens.issue(user.id, session.familyId);
    return { user: toPublicUser(user), accessToken: access.token, accessExpiresIn: access.expiresIn };
  }

  const { token, hash } = newOpaqueToken();
  await deps.users.touch(user.id, now);
  await deps.sessions.create({
    userId: user.id,
    familyId: session.familyId,
    tokenHash: hash,
    absoluteExpiresAt: session.absoluteExpiresAt,
    userAgent: input.userAgent,
  });
  const access = await deps.accessTokens.issue(user.id, session.familyId);
  return {
    user: toPublicUser(user),
    accessToken: access.token,
    accessExpiresIn: access.expiresIn,
    refreshToken: token,
    refreshExpiresAt: refreshCookieExpiry(deps, now, session.absoluteExpiresAt),
  };
}

export async function logout(
  deps: AuthDeps,
  input: { refreshToken: string | undefined; sessionId?: string },
) {
  const now = deps.clock.now();
  if (input.sessionId) await deps.sessions.revokeFamily(input.sessionId, now);
  if (input.refreshToken) {
    const session = await deps.sessions.findByHash(hashOpaqueToken(input.refreshToken));
    if (session) await deps.sessions.revokeFamily(session.familyId, now);
  }
}
