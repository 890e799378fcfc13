/**
 * One place that turns any error into the public error shape:
 * `{ "error": { "code", "message", "details"? }, "requestId" }`.
 * Codes map to statuses in one table; anything unexpected is logged with its stack and answered
 * with a fixed message, so no internals reach a client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../core/errors';
import { requestLanguage } from './language';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_request: 400,
  validation_failed: 422,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  premium_required: 403,
  not_found: 404,
  conflict: 409,
  quota_exceeded: 429,
  generation_in_progress: 409,
  ai_budget_exceeded: 429,
  payload_too_large: 413,
  unsupported_file: 415,
  unreadable_file: 422,
  ai_unavailable: 503,
  ai_bad_output: 502,
  rate_limited: 429,
  unavailable: 503,
  payment_not_configured: 501,
  internal_error: 500,
};

const GENERIC: Record<ErrorCode, { fr: string; en: string }> = {
  invalid_request: { fr: 'La requête est invalide.', en: 'The request is invalid.' },
  validation_failed: { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' },
  unsupported_media_type: {
    fr: 'Ce type de contenu n’est pas accepté.',
    en: 'This content type is not accepted.',
  },
  unauthenticated: { fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  forbidden: { fr: 'Action non autorisée.', en: 'This action is not allowed.' },
  csrf_rejected: {
    fr: 'Requête refusée : elle ne vient pas de Phoenix Letters.',
    en: 'Request refused: it does not come from Phoenix Letters.',
  },
  premium_required: { fr: 'Fonction réservée à Premium.', en: 'This feature needs Premium.' },
  not_found: { fr: 'Introuvable.', en: 'Not found.' },
  conflict: { fr: 'Conflit avec l’état actuel.', en: 'Conflict with the current state.' },
  quota_exceeded: { fr: 'Quota atteint.', en: 'Quota reached.' },
  generation_in_progress: {
    fr: 'Une lettre est déjà en cours d’écriture.',
    en: 'A letter is already being written.',
  },
  ai_budget_exceeded: { fr: 'Limite d’écriture du jour atteinte.', en: 'Today’s writing limit is reached.' },
  payload_too_large: { fr: 'Contenu trop volumineux.', en: 'Content too large.' },
  unsupported_file: { fr: 'Format de fichier non pris en charge.', en: 'Unsupported file format.' },
  unreadable_file: { fr: 'Fichier illisible.', en: 'Unreadable file.' },
  ai_unavailable: {
    fr: 'Le service de rédaction est momentanément indisponible. Réessayez dans un instant.',
    en: 'The writing service is temporarily unavailable. Try again in a moment.',
  },
  ai_bad_output: {
    fr: 'La rédaction n’a pas abouti. Rien n’a été décompté ; réessayez.',
    en: 'The letter could not be completed. Nothing was counted; try again.',
  },
  rate_limited: { fr: 'Trop de tentatives. Réessayez plus tard.', en: 'Too many attempts. Try again later.' },
  unavailable: {
    fr: 'Service momentanément indisponible.',
    en: 'Service temporarily unavailable.',
  },
  payment_not_configured: {
    fr: 'Le paiement n’est pas configuré sur ce serveur.',
    en: 'Payment is not configured on this server.',
  },
  internal_error: {
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée.',
    en: 'An unexpected error occurred. It has been logged.',
  },
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
  requestId: string;
}

/** The public error body for a code, in the request's language. */
export function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  message?: string,
  details?: Record<string, unknown>,
): ErrorBody {
  const text = message ?? GENERIC[code][requestLanguage(request)];
  return { error: { code, message: text, ...(details ? { details } : {}) }, requestId: request.id };
}

/** Maps a thrown value to an AppError; undefined means "unexpected" (a bug or an outage). */
function toAppError(error: FastifyError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message,
    }));
    return new AppError('validation_failed', GENERIC.validation_failed, { fields });
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('payload_too_large', GENERIC.payload_too_large);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', GENERIC.unsupported_media_type);
  }
  const status = fastifyError.statusCode;
  if (status === 429) return new AppError('rate_limited', GENERIC.rate_limited);
  if (status === 413) return new AppError('payload_too_large', GENERIC.payload_too_large);
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('invalid_request', GENERIC.invalid_request);
  }
  return undefined;
}

/** Database connection failures become 503 `unavailable`: the user did nothing wrong, retry works. */
function isDatabaseOutage(error: Error): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      error.message,
    )
  );
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError) {
    const status = STATUS_BY_CODE[appError.code];
    // Any refusal that knows when to come back says so (rate limits, quotas, AI budgets).
    const retryAfter = appError.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', Math.max(1, Math.ceil(retryAfter)));
    request.log.info({ code: appError.code, status }, 'request refused');
    return reply
      .status(status)
      .send(
        errorBody(request, appError.code, appError.messageIn(requestLanguage(request)), appError.details),
      );
  }
  if (isDatabaseOutage(error)) {
    request.log.error(
      { err: { message: error.message, code: (error as { code?: string }).code } },
      'database unavailable',
    );
    reply.header('retry-after', 5);
    return reply.status(503).send(errorBody(request, 'unavailable'));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send(errorBody(request, 'internal_error'));
}
