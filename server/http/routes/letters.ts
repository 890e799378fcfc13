/** /api/letters: generate (streamed as server-sent events), list, open, edit, versions, duplicate, export. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../contract/documents';
import {
  DuplicateLetterSchema,
  ExportQuerySchema,
  GenerateLetterSchema,
  LetterDetailSchema,
  LetterSummarySchema,
  LetterVersionSchema,
  RegenerateLetterSchema,
  UpdateLetterSchema,
} from '../../../contract/letters';
import { AppError } from '../../core/errors';
import { LetterOptionsSchema } from '../../core/letter/options';
import type { LetterRecord, LetterSummaryRecord, LetterVersion } from '../../ports/document-stores';
import { type ExportFormat, exportLetter, type LetterExporter } from '../../services/letters/export-letter';
import { type GenerationEvent, startGeneration } from '../../services/letters/generate-letter';
import type { LetterDeps } from '../../services/letters/letter-deps';
import {
  deleteLetter,
  duplicateLetter,
  editLetter,
  getLetter,
  listVersions,
  restoreVersion,
} from '../../services/letters/letter-service';
import { errorBody } from '../error-handler';
import { requestLanguage } from '../language';
import { authOf } from '../plugins/auth';
import { openSse } from '../sse';

export function letterSummary(letter: LetterSummaryRecord) {
  return {
    id: letter.id,
    title: letter.title,
    company: letter.company,
    role: letter.role,
    language: letter.language,
    tone: letter.tone,
    length: letter.length,
    status: letter.status,
    currentVersion: letter.currentVersion,
    createdAt: letter.createdAt.toISOString(),
    updatedAt: letter.updatedAt.toISOString(),
  };
}

function versionView(version: LetterVersion) {
  return {
    version: version.version,
    content: version.content,
    source: version.source,
    engine: version.engine,
    model: version.model,
    tokensIn: version.tokensIn,
    tokensOut: version.tokensOut,
    createdAt: version.createdAt.toISOString(),
  };
}

export function letterDetail(letter: LetterRecord, current: LetterVersion | null) {
  return {
    ...letterSummary(letter),
    cvDocumentId: letter.cvDocumentId,
    offerDocumentId: letter.offerDocumentId,
    content: current?.content ?? null,
    current: current ? versionView(current) : null,
    grounding: letter.grounding,
    writtenWithoutAi: current?.engine === 'offline',
  };
}

const IdempotencyKeySchema = z.string().trim().min(8).max(200);

export async function letterRoutes(
  appInstance: FastifyInstance,
  deps: { letters: LetterDeps; exporter: LetterExporter },
) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const tags = ['letters'];

  // Generations in flight: shutdown waits for each to finish or to settle its cancellation (quota
  // released, letter marked cancelled) before the database closes.
  const inFlight = new Set<Promise<void>>();
  appInstance.addHook('onClose', async () => {
    await Promise.allSettled([...inFlight]);
  });

  async function stream(
    request: FastifyRequest,
    reply: FastifyReply,
    events: AsyncGenerator<GenerationEvent>,
  ) {
    const done = relay(request, reply, events);
    inFlight.add(done);
    try {
      await done;
    } finally {
      inFlight.delete(done);
    }
  }

  async function relay(
    request: FastifyRequest,
    reply: FastifyReply,
    events: AsyncGenerator<GenerationEvent>,
  ) {
    // Refusals (quota, not found, conflict) surface on the first step: answer them as plain HTTP errors.
    const first = await events.next();
    const sse = openSse(reply);
    const language = requestLanguage(request);
    const onGone = () => void events.return(undefined);
    sse.signal.addEventListener('abort', onGone, { once: true });
    try {
      let step = first;
      while (!step.done) {
        const event = step.value;
        if (event.type === 'started')
          sse.send('started', { letterId: event.letter.id, replay: event.replay });
        else if (event.type === 'chunk') sse.send('chunk', { text: event.text });
        else if (event.type === 'completed') {
          sse.send('completed', {
            ...letterDetail(event.letter, event.version),
            writtenWithoutAi: event.writtenWithoutAi,
          });
        } else {
          sse.send(
            'failed',
            errorBody(request, event.error.code, event.error.messageIn(language), event.error.details),
          );
        }
        if (sse.signal.aborted) break;
        step = await events.next();
      }
    } catch (error) {
      request.log.error({ err: error }, 'letter generation crashed');
      sse.send('failed', errorBody(request, 'internal_error'));
    } finally {
      sse.signal.removeEventListener('abort', onGone);
      sse.close();
      // Wait for the generation's own cleanup (a no-op when it already finished).
      await events.return(undefined);
    }
  }

  app.post(
    '/api/letters',
    {
      schema: {
        tags,
        description:
          'Writes a letter and streams it as text/event-stream: `started` {letterId}, `chunk` {text}…, then `completed` (the saved letter) or `failed` (an error). Send an Idempotency-Key header to make retries safe.',
        body: GenerateLetterSchema,
        headers: z.object({ 'idempotency-key': IdempotencyKeySchema.optional() }).passthrough(),
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      const events = await startGeneration(deps.letters, {
        userId,
        cv: request.body.cv,
        offer: request.body.offer,
        options: request.body.options,
        keptSkills: request.body.keptSkills,
        idempotencyKey: request.headers['idempotency-key'],
        signal: controller.signal,
      });
      await stream(request, reply, events);
    },
  );

  app.post(
    '/api/letters/:id/regenerate',
    { schema: { tags, params: IdParamsSchema, body: RegenerateLetterSchema } },
    async (request, reply) => {
      const { userId } = authOf(request);
      const { letter } = await getLetter(deps.letters.letters, userId, request.params.id);
      if (!letter.cvDocumentId || !letter.offerDocumentId) {
        throw new AppError('conflict', {
          fr: 'Le CV ou l’offre de cette lettre a été supprimé : créez une nouvelle lettre.',
          en: 'The CV or offer of this letter was deleted: create a new letter.',
        });
      }
      const previous = LetterOptionsSchema.safeParse((letter.request as { options?: unknown })?.options);
      const options = request.body.options ?? (previous.success ? previous.data : undefined);
      if (!options)
        throw new AppError('validation_failed', { fr: 'Options manquantes.', en: 'Missing options.' });
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      const events = await startGeneration(deps.letters, {
        userId,
        cv: { documentId: letter.cvDocumentId },
        offer: { documentId: letter.offerDocumentId },
        options,
        keptSkills:
          (letter.request as { keptSkills?: { skill: string; evidence: string }[] })?.keptSkills ?? undefined,
        letterId: letter.id,
        signal: controller.signal,
      });
      await stream(request, reply, events);
    },
  );

  app.get(
    '/api/letters',
    { schema: { tags, response: { 200: z.array(LetterSummarySchema) } } },
    async (request) => (await deps.letters.letters.list(authOf(request).userId)).map(letterSummary),
  );

  app.get(
    '/api/letters/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: LetterDetailSchema } } },
    async (request) => {
      const { letter, current } = await getLetter(
        deps.letters.letters,
        authOf(request).userId,
        request.params.id,
      );
      return letterDetail(letter, current);
    },
  );

  app.patch(
    '/api/letters/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateLetterSchema,
        response: { 200: LetterDetailSchema },
      },
    },
    async (request) => {
      const { letter, current } = await editLetter(
        deps.letters.letters,
        authOf(request).userId,
        request.params.id,
        request.body,
      );
      return letterDetail(letter, current);
    },
  );

  app.delete('/api/letters/:id', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    await deleteLetter(deps.letters.letters, authOf(request).userId, request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/letters/:id/versions',
    { schema: { tags, params: IdParamsSchema, response: { 200: z.array(LetterVersionSchema) } } },
    async (request) =>
      (await listVersions(deps.letters.letters, authOf(request).userId, request.params.id)).map(versionView),
  );

  app.post(
    '/api/letters/:id/restore',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: z.strictObject({ version: z.number().int().positive() }),
        response: { 200: LetterDetailSchema },
      },
    },
    async (request) => {
      const { letter, current } = await restoreVersion(
        deps.letters.letters,
        authOf(request).userId,
        request.params.id,
        request.body.version,
      );
      return letterDetail(letter, current);
    },
  );

  app.get(
    '/api/letters/:id/export',
    { schema: { tags, params: IdParamsSchema, querystring: ExportQuerySchema } },
    async (request, reply) => {
      const file = await exportLetter(
        { ...deps.letters, exporter: deps.exporter },
        authOf(request).userId,
        request.params.id,
        request.query.format as ExportFormat,
      );
      reply.header('content-type', file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      );
      reply.header('cache-control', 'no-store');
      return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    },
  );

  app.post(
    '/api/letters/:id/duplicate',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: DuplicateLetterSchema,
        response: { 201: LetterDetailSchema },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      if (request.body.offerDocumentId) {
        const offer = await deps.letters.documents.documents.get(userId, request.body.offerDocumentId);
        if (offer?.kind !== 'offer')
          throw new AppError('not_found', { fr: 'Offre introuvable.', en: 'Offer not found.' });
      }
      const { letter, current } = await duplicateLetter(
        deps.letters.letters,
        userId,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(letterDetail(letter, current));
    },
  );
}
