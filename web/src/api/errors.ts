/**
 * Turns an API failure into words for the user, in the interface language. Decisions are taken
 * on `code` (and on a field's `reason`), never on the server's message text.
 */
import type { TFunction } from 'i18next';
import { type FieldError, isApiError } from './client';

export interface DescribedError {
  /** One sentence for the form's alert. */
  message: string;
  /** Messages to show next to the fields, by field name. */
  fields: Record<string, string>;
}

const PASSWORD_REASONS = new Set(['too_short', 'too_long', 'common', 'personal']);
const KNOWN_FIELDS = new Set([
  'email',
  'newEmail',
  'displayName',
  'password',
  'currentPassword',
  'newPassword',
  'language',
  'acceptPrivacyNotice',
  'confirmAdult',
  'token',
]);

function fieldMessage(field: FieldError, code: string, t: TFunction): string {
  if (field.reason && PASSWORD_REASONS.has(field.reason)) return t(`errors.passwordRules.${field.reason}`);
  if (code === 'forbidden' && field.field === 'currentPassword') return t('errors.wrongCurrentPassword');
  if (KNOWN_FIELDS.has(field.field)) return t(`errors.fields.${field.field}`);
  return t('errors.fieldInvalid');
}

/** Per-page wording for a code, as i18n keys: `{ unauthenticated: 'errors.badCredentials' }` on the login page. */
export type ErrorOverrides = Partial<Record<string, string>>;

/**
 * Codes whose server message is already the best sentence for the user (it is written in the
 * request's language and carries the specifics: a file type, a limit, a date).
 */
const SERVER_WORDED = new Set([
  'quota_exceeded',
  'premium_required',
  'payment_not_configured',
  'unsupported_file',
  'unsupported_media_type',
  'unreadable_file',
  'payload_too_large',
  'ai_unavailable',
  'ai_bad_output',
]);

export function describeError(error: unknown, t: TFunction, overrides: ErrorOverrides = {}): DescribedError {
  if (!isApiError(error)) return { message: t('errors.generic'), fields: {} };
  const fields: Record<string, string> = {};
  for (const field of error.fields) {
    fields[field.field] ??= fieldMessage(field, error.code, t);
  }
  const override = overrides[error.code];
  if (override) return { message: t(override), fields };
  if (SERVER_WORDED.has(error.code) && error.message) return { message: error.message, fields };
  switch (error.code) {
    case 'validation_failed':
      return { message: t('errors.validation'), fields };
    case 'unauthenticated':
      return { message: t('errors.unauthenticated'), fields };
    case 'forbidden':
      return {
        message: fields.currentPassword ? t('errors.wrongCurrentPassword') : t('errors.forbidden'),
        fields,
      };
    case 'csrf_rejected':
      return { message: t('errors.csrf'), fields };
    case 'rate_limited':
      return {
        message:
          error.retryAfter !== undefined && error.retryAfter > 0
            ? t('errors.rateLimitedIn', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
            : t('errors.rateLimited'),
        fields,
      };
    case 'invalid_request':
      return { message: t('errors.invalidLink'), fields };
    case 'conflict':
      return { message: t('errors.conflict'), fields };
    case 'network_error':
      return { message: t('errors.network'), fields };
    case 'unavailable':
    case 'internal_error':
      return { message: t('errors.server'), fields };
    default:
      return { message: error.status >= 500 ? t('errors.server') : t('errors.generic'), fields };
  }
}
