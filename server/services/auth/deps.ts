/** What the account use cases need: stores, credentials, mail, limits and time. */
import type { AuditLog, SessionStore, UserStore, UserTokenStore } from '../../ports/account-stores';
import type { Clock } from '../../ports/clock';
import type { Mailer } from '../../ports/mailer';
import type { AccessTokens, PasswordHasher, RateLimiter } from '../../ports/security';

export interface AuthDeps {
  users: UserStore;
  sessions: SessionStore;
  userTokens: UserTokenStore;
  audit: AuditLog;
  hasher: PasswordHasher;
  accessTokens: AccessTokens;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  clock: Clock;
  settings: AuthSettings;
  /** Reports a failure of background work (mail delivery) without failing the request. */
  reportBackgroundError(error: unknown, what: string): void;
}

export interface AuthSettings {
  publicUrl: string;
  sessionIdleDays: number;
  sessionAbsoluteDays: number;
  /** Seconds during which a just-rotated refresh token still yields an access token (two tabs). */
  refreshGraceSeconds: number;
  privacyNoticeVersion: string;
}

/** Per-endpoint limits: [max hits, window seconds]. */
export const LIMITS = {
  loginPerIp: [30, 900],
  loginPerAccount: [10, 900],
  registerPerIp: [10, 3600],
  resetPerIp: [10, 3600],
  resetPerAccount: [3, 3600],
  refreshPerIp: [300, 900],
  reauthPerUser: [10, 900],
} as const satisfies Record<string, readonly [number, number]>;
