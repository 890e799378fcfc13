/** Persistence of accounts, sessions and one-time tokens. Every method is scoped by user where it applies. */
import type { UserAccount } from '../core/auth/user';

export interface NewUser {
  email: string;
  displayName: string;
  language: 'fr' | 'en';
  passwordHash: string;
}

export interface UserStore {
  /** Creates the user; returns null when the e-mail is taken (unique index, no read-then-write race). */
  create(user: NewUser): Promise<UserAccount | null>;
  findById(id: string): Promise<UserAccount | null>;
  findByEmail(email: string): Promise<UserAccount | null>;
  update(
    id: string,
    changes: Partial<
      Pick<UserAccount, 'displayName' | 'language' | 'passwordHash' | 'email' | 'emailVerifiedAt'>
    >,
  ): Promise<UserAccount | null>;
  delete(id: string): Promise<boolean>;
  /** Records activity (login, session refresh): retention counts inactivity from it. */
  touch(id: string, at: Date): Promise<void>;
  recordConsents(
    userId: string,
    consents: { kind: 'privacy_notice' | 'age_18'; version: string }[],
  ): Promise<void>;
  /** Everything the user owns, table by table (GDPR export). */
  exportAll(id: string): Promise<Record<string, unknown[]>>;
}

export interface RefreshSession {
  id: string;
  userId: string;
  familyId: string;
  createdAt: Date;
  lastUsedAt: Date;
  absoluteExpiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export interface SessionStore {
  create(input: {
    userId: string;
    familyId: string;
    tokenHash: string;
    absoluteExpiresAt: Date;
    userAgent: string | null;
  }): Promise<RefreshSession>;
  findByHash(tokenHash: string): Promise<RefreshSession | null>;
  /** Marks the token rotated if nobody did yet; true for the one caller that wins. */
  markRotated(id: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  /** Revokes every session of the user except, optionally, one family (the current one). */
  revokeAllForUser(userId: string, at: Date, exceptFamilyId?: string): Promise<void>;
  /** True while the family has an unrevoked token. */
  isFamilyActive(familyId: string): Promise<boolean>;
}

export type UserTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

export interface UserTokenStore {
  create(input: {
    userId: string;
    purpose: UserTokenPurpose;
    tokenHash: string;
    expiresAt: Date;
    newEmail?: string;
  }): Promise<void>;
  /** Uses a valid token once (atomic); null when unknown, used or expired. */
  consume(
    purpose: UserTokenPurpose,
    tokenHash: string,
    at: Date,
  ): Promise<{ userId: string; newEmail: string | null } | null>;
  /** Invalidates the user's unused tokens of a purpose (a new request replaces older links). */
  invalidate(userId: string, purpose: UserTokenPurpose, at: Date): Promise<void>;
}

export interface AuditLog {
  record(userId: string | null, kind: string, details?: Record<string, unknown>): Promise<void>;
}
