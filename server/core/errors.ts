/**
 * The one error type that crosses layers. Core and services throw it with a stable code;
 * `http/error-handler.ts` maps each code to a status. Clients switch on `code`, never on text.
 */

export const ERROR_CODES = [
  'invalid_request',
  'validation_failed',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'quota_exceeded',
  'generation_in_progress',
  'ai_budget_exceeded',
  'premium_required',
  'payload_too_large',
  'unsupported_file',
  'unreadable_file',
  'ai_unavailable',
  'ai_bad_output',
  'rate_limited',
  'unavailable',
  'payment_not_configured',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A message a person understands, in each language of the product. */
export interface LocalizedMessage {
  fr: string;
  en: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly localized: LocalizedMessage;
  constructor(
    readonly code: ErrorCode,
    message: string | LocalizedMessage,
    readonly details?: Record<string, unknown>,
  ) {
    const localized = typeof message === 'string' ? { fr: message, en: message } : message;
    super(localized.en);
    this.localized = localized;
  }

  /** The message in the requested language (French is the product's first language). */
  messageIn(language: 'fr' | 'en'): string {
    return this.localized[language];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
