/** The language to answer a request in: the user's setting when known, else Accept-Language, else French. */
import type { FastifyRequest } from 'fastify';

export type UiLanguage = 'fr' | 'en';

export function requestLanguage(request: FastifyRequest): UiLanguage {
  const fromUser = (request as { userLanguage?: UiLanguage }).userLanguage;
  if (fromUser) return fromUser;
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^\s*en\b/i.test(header)) return 'en';
  return 'fr';
}
