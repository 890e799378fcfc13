/**
 * Makes every string of a JSON body storable before validation: U+0000 removed and lone UTF-16
 * surrogates replaced by U+FFFD. PostgreSQL text and jsonb hold neither (the write fails, which
 * would surface as a 500), and in a pasted CV, offer or letter they carry no meaning: they are
 * artefacts of a copy from a PDF or a binary file.
 */
import type { FastifyInstance } from 'fastify';

function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.isWellFormed() ? value : value.toWellFormed();
    return text.includes('\0') ? text.replaceAll('\0', '') : text;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = wellFormed(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = wellFormed(record[key]);
  }
  return value;
}

export function registerWellFormedText(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null) request.body = wellFormed(request.body);
  });
}
