/**
 * Password rules (NIST SP 800-63B style): 8 to 128 characters of any kind, no composition rules,
 * refused when it is a common password or the user's own e-mail or name.
 */
import { AppError } from '../errors';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal';

/** Length in user-perceived characters (an emoji or "é" counts once). */
function characterCount(password: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(password.normalize('NFC'))]
    .length;
}

/** The first problem with a password, or null when it is acceptable. */
export function findPasswordProblem(
  password: string,
  personal: { email?: string; displayName?: string } = {},
): PasswordProblem | null {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lowered = password.toLowerCase();
  // "Password2024!" is as weak as "password": strip the usual trailing digits and symbols.
  const core = lowered.replace(/[\d\s!?.@#$%*_-]+$/u, '');
  if (COMMON.has(lowered) || COMMON.has(core) || /^(.)\1+$/u.test(lowered)) return 'common';
  const localPart = personal.email?.split('@')[0]?.toLowerCase();
  const name = personal.displayName?.toLowerCase().replace(/\s+/g, '');
  const compact = core.replace(/\s+/g, '');
  if (
    (localPart && localPart.length >= 4 && core === localPart) ||
    (name && name.length >= 4 && compact === name)
  ) {
    return 'personal';
  }
  return null;
}

const MESSAGES: Record<PasswordProblem, { fr: string; en: string }> = {
  too_short: {
    fr: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    fr: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
    en: `The password cannot exceed ${PASSWORD_MAX_LENGTH} characters.`,
  },
  common: {
    fr: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple une phrase.',
    en: 'This password is one of the most common: choose another one, a phrase for example.',
  },
  personal: {
    fr: 'Le mot de passe ne doit pas reprendre votre nom ou votre adresse e-mail.',
    en: 'The password must not repeat your name or e-mail address.',
  },
};

/** Throws 422 `validation_failed` with a field error when the password is not acceptable. */
export function assertAcceptablePassword(
  password: string,
  personal: { email?: string; displayName?: string } = {},
  field = 'password',
): void {
  const problem = findPasswordProblem(password, personal);
  if (problem) {
    throw new AppError('validation_failed', MESSAGES[problem], {
      fields: [{ field, message: MESSAGES[problem].en, reason: problem }],
    });
  }
}
