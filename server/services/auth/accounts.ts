/**
 * Account lifecycle: register (no enumeration), e-mail verification, password reset, profile,
 * password and e-mail changes (re-authenticated), export and deletion.
 */
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { toPublicUser, type UserAccount } from '../../core/auth/user';
import { AppError } from '../../core/errors';
import type { MailMessage } from '../../ports/mailer';
import { type AuthDeps, LIMITS } from './deps';
import { alreadyRegisteredMail, changeEmailMail, resetMail, verificationMail } from './mails';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens';
import { enforceRateLimit } from './rate-limit';

const HOUR_MS = 3_600_000;

export const REGISTER_ACCEPTED = {
  fr: 'Si cette adresse n’a pas encore de compte, il est créé : vous pouvez vous connecter. Un e-mail de confirmation vous a été envoyé.',
  en: 'If this address has no account yet, it has been created: you can log in. A confirmation e-mail has been sent.',
};

export const RESET_ACCEPTED = {
  fr: 'Si un compte existe pour cette adresse, un lien de réinitialisation vient d’être envoyé.',
  en: 'If an account exists for this address, a reset link has just been sent.',
};

const INVALID_LINK = {
  fr: 'Ce lien est invalide, déjà utilisé ou expiré. Demandez-en un nouveau.',
  en: 'This link is invalid, already used or expired. Ask for a new one.',
};

const WRONG_PASSWORD = {
  fr: 'Mot de passe actuel incorrect.',
  en: 'Current password is incorrect.',
};

/** Mail goes out after the answer, on both paths alike, so timing says nothing about the account. */
function sendInBackground(deps: AuthDeps, message: MailMessage) {
  deps.mailer.send(message).catch((error) => deps.reportBackgroundError(error, 'mail delivery'));
}

function link(deps: AuthDeps, path: string, token: string) {
  return `${deps.settings.publicUrl.replace(/\/$/, '')}${path}#token=${token}`;
}

async function createEmailToken(
  deps: AuthDeps,
  user: UserAccount,
  purpose: 'verify_email' | 'reset_password' | 'change_email',
  lifetimeMs: number,
  newEmail?: string,
) {
  const now = deps.clock.now();
  await deps.userTokens.invalidate(user.id, purpose, now);
  const { token, hash } = newOpaqueToken();
  await deps.userTokens.create({
    userId: user.id,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + lifetimeMs),
    ...(newEmail ? { newEmail } : {}),
  });
  return token;
}

export async function register(
  deps: AuthDeps,
  input: { email: string; password: string; displayName: string; language: 'fr' | 'en'; ip: string },
) {
  await enforceRateLimit(deps.rateLimiter, `register:ip:${input.ip}`, LIMITS.registerPerIp);
  assertAcceptablePassword(input.password, { email: input.email, displayName: input.displayName });
  // Hash before looking at the e-mail: both paths pay the same argon2 cost.
  const passwordHash = await deps.hasher.hash(input.password);
  const user = await deps.users.create({
    email: input.email,
    displayName: input.displayName,
    language: input.language,
    passwordHash,
  });
  if (!user) {
    const existing = await deps.users.findByEmail(input.email);
    const token = existing ? await createEmailToken(deps, existing, 'reset_password', HOUR_MS) : '';
    sendInBackground(
      deps,
      alreadyRegisteredMail(
        input.email,
        existing?.language ?? input.language,
        link(deps, '/reset-password', token),
      ),
    );
    return REGISTER_ACCEPTED;
  }
  const version = deps.settings.privacyNoticeVersion;
  await deps.users.recordConsents(user.id, [
    { kind: 'privacy_notice', version },
    { kind: 'age_18', version },
  ]);
  await deps.audit.record(user.id, 'registered');
  const token = await createEmailToken(deps, user, 'verify_email', 48 * HOUR_MS);
  sendInBackground(deps, verificationMail(user.email, user.language, link(deps, '/verify-email', token)));
  return REGISTER_ACCEPTED;
}

export async function resendVerification(deps: AuthDeps, userId: string) {
  const user = await requireUser(deps, userId);
  if (user.emailVerifiedAt) return;
  await enforceRateLimit(deps.rateLimiter, `verify:user:${user.id}`, LIMITS.resetPerAccount);
  const token = await createEmailToken(deps, user, 'verify_email', 48 * HOUR_MS);
  sendInBackground(deps, verificationMail(user.email, user.language, link(deps, '/verify-email', token)));
}

export async function confirmEmailVerification(deps: AuthDeps, token: string) {
  const used = await deps.userTokens.consume('verify_email', hashOpaqueToken(token), deps.clock.now());
  if (!used) throw new AppError('invalid_request', INVALID_LINK);
  await deps.users.update(used.userId, { emailVerifiedAt: deps.clock.now() });
  await deps.audit.record(used.userId, 'email_verified');
}

export async function requestPasswordReset(deps: AuthDeps, input: { email: string; ip: string }) {
  await enforceRateLimit(deps.rateLimiter, `reset:ip:${input.ip}`, LIMITS.resetPerIp);
  await enforceRateLimit(deps.rateLimiter, `reset:account:${input.email}`, LIMITS.resetPerAccount);
  const user = await deps.users.findByEmail(input.email);
  if (user) {
    const token = await createEmailToken(deps, user, 'reset_password', HOUR_MS);
    sendInBackground(deps, resetMail(user.email, user.language, link(deps, '/reset-password', token)));
    await deps.audit.record(user.id, 'password_reset_requested');
  }
  return RESET_ACCEPTED;
}

export async function confirmPasswordReset(deps: AuthDeps, input: { token: string; newPassword: string }) {
  assertAcceptablePassword(input.newPassword, {}, 'newPassword');
  const now = deps.clock.now();
  const used = await deps.userTokens.consume('reset_password', hashOpaqueToken(input.token), now);
  if (!used) throw new AppError('invalid_request', INVALID_LINK);
  // Following the link proves control of the mailbox: the address is verified too.
  await deps.users.update(used.userId, {
    passwordHash: await deps.hasher.hash(input.newPassword),
    emailVerifiedAt: now,
  });
  await deps.sessions.revokeAllForUser(used.userId, now);
  await deps.audit.record(used.userId, 'password_reset');
}

export async function requireUser(deps: AuthDeps, userId: string): Promise<UserAccount> {
  const user = await deps.users.findById(userId);
  if (!user) throw new AppError('unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' });
  return user;
}

async function reauthenticate(deps: AuthDeps, user: UserAccount, password: string) {
  await enforceRateLimit(deps.rateLimiter, `reauth:user:${user.id}`, LIMITS.reauthPerUser);
  if (!(await deps.hasher.verify(user.passwordHash, password))) {
    await deps.audit.record(user.id, 'reauth_failed');
    throw new AppError('forbidden', WRONG_PASSWORD, {
      fields: [{ field: 'currentPassword', message: WRONG_PASSWORD.en }],
    });
  }
}

export async function updateProfile(
  deps: AuthDeps,
  userId: string,
  changes: { displayName?: string | undefined; language?: 'fr' | 'en' | undefined },
) {
  const updated = await deps.users.update(userId, {
    ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
    ...(changes.language !== undefined ? { language: changes.language } : {}),
  });
  if (!updated)
    throw new AppError('unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' });
  return toPublicUser(updated);
}

export async function changePassword(
  deps: AuthDeps,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const user = await requireUser(deps, input.userId);
  await reauthenticate(deps, user, input.currentPassword);
  assertAcceptablePassword(
    input.newPassword,
    { email: user.email, displayName: user.displayName },
    'newPassword',
  );
  await deps.users.update(user.id, { passwordHash: await deps.hasher.hash(input.newPassword) });
  await deps.sessions.revokeAllForUser(user.id, deps.clock.now(), input.sessionId);
  await deps.audit.record(user.id, 'password_changed');
}

export async function requestEmailChange(
  deps: AuthDeps,
  input: { userId: string; currentPassword: string; newEmail: string },
) {
  const user = await requireUser(deps, input.userId);
  await reauthenticate(deps, user, input.currentPassword);
  if (input.newEmail === user.email) {
    throw new AppError('invalid_request', {
      fr: 'C’est déjà votre adresse.',
      en: 'This is already your address.',
    });
  }
  const token = await createEmailToken(deps, user, 'change_email', 24 * HOUR_MS, input.newEmail);
  sendInBackground(
    deps,
    changeEmailMail(input.newEmail, user.language, link(deps, '/confirm-email-change', token)),
  );
  await deps.audit.record(user.id, 'email_change_requested');
}

export async function confirmEmailChange(deps: AuthDeps, token: string) {
  const now = deps.clock.now();
  const used = await deps.userTokens.consume('change_email', hashOpaqueToken(token), now);
  if (!used?.newEmail) throw new AppError('invalid_request', INVALID_LINK);
  const taken = await deps.users.findByEmail(used.newEmail);
  if (taken) {
    throw new AppError('conflict', {
      fr: 'Cette adresse est déjà utilisée par un autre compte.',
      en: 'This address is already used by another account.',
    });
  }
  await deps.users.update(used.userId, { email: used.newEmail, emailVerifiedAt: now });
  await deps.audit.record(used.userId, 'email_changed');
}

export async function deleteAccount(deps: AuthDeps, input: { userId: string; currentPassword: string }) {
  const user = await requireUser(deps, input.userId);
  await reauthenticate(deps, user, input.currentPassword);
  // Cascades remove sessions, documents, letters, analyses, ledger rows, consents, audit events.
  await deps.users.delete(user.id);
}

export async function exportAccount(deps: AuthDeps, userId: string) {
  await requireUser(deps, userId);
  return { exportedAt: deps.clock.now().toISOString(), ...(await deps.users.exportAll(userId)) };
}
