/**
 * Makes every string of a JSON body storable before validation: U+0000 removed and lone UTF-16
 * surrogates replaced by U+FFFD. PostgreSQL text and jsonb hold neither (the write fails, which
 * would surface as a 500), and in a pasted CV, offer or letter they carry no meaning: they are
 * artefacts of a copy from a PDF or a binary file. The walk is iterative and bounded: no body of
 * this API is more than a few levels deep, so a deeper one is refused (400) rather than recursed.
 * Only plain objects and arrays are walked (a raw webhook body stays a Buffer, untouched).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors';

const MAX_DEPTH = 64;

function clean(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\0') ? wellFormed.replaceAll('\0', '') : wellFormed;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function cleanBody(body: unknown): unknown {
  if (typeof body === 'string') return clean(body);
  if (!isContainer(body)) return body;
  const pending: [Record<string, unknown> | unknown[], number][] = [[body, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (depth > MAX_DEPTH) {
      throw new AppError('invalid_request', {
        fr: 'Requête invalide : données trop imbriquées.',
        en: 'Invalid request: data nested too deeply.',
      });
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === 'string') record[key] = clean(value);
      else if (isContainer(value)) pending.push([value, depth + 1]);
    }
  }
  return body;
}

export function registerWellFormedText(app: FastifyInstance) {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      if (request.body !== undefined && request.body !== null) request.body = cleanBody(request.body);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
