/** /api/documents and /api/offers/import: upload or paste, list, review, correct, replace, delete. */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateDocumentJsonSchema,
  DocumentDetailSchema,
  DocumentKindSchema,
  DocumentSummarySchema,
  IdParamsSchema,
  ImportOfferSchema,
  SuggestedRequirementsSchema,
  UpdateDocumentSchema,
} from '../../../contract/documents';
import { AppError } from '../../core/errors';
import type { StoredDocument } from '../../ports/document-stores';
import {
  createDocumentFromFile,
  createDocumentFromText,
  type DocumentDeps,
  deleteDocument,
  effectiveProfile,
  getDocument,
  importOffer,
  replaceDocumentFile,
  suggestOfferRequirements,
  updateDocument,
} from '../../services/documents/document-service';
import type { PlanDeps } from '../../services/plans/plan-service';
import { authOf } from '../plugins/auth';

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function summary(doc: StoredDocument) {
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    filename: doc.filename,
    mediaType: doc.mediaType,
    isDefault: doc.isDefault,
    sourceUrl: doc.sourceUrl,
    wordCount: wordCount(doc.text),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function detail(doc: StoredDocument) {
  return {
    ...summary(doc),
    text: doc.text,
    structured: doc.structured,
    corrections: doc.corrections,
    effective: effectiveProfile(doc),
    parseReport: doc.parseReport,
  };
}

async function readUpload(request: FastifyRequest, maxBytes: number) {
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  if (!file) {
    throw new AppError('invalid_request', { fr: 'Aucun fichier reçu.', en: 'No file received.' });
  }
  const bytes = await file.toBuffer();
  const field = (name: string) => {
    const value = file.fields[name];
    return value && !Array.isArray(value) && value.type === 'field' ? String(value.value) : undefined;
  };
  return {
    bytes: new Uint8Array(bytes),
    filename: file.filename,
    kind: field('kind'),
    title: field('title'),
  };
}

export async function documentRoutes(
  appInstance: FastifyInstance,
  deps: { documents: DocumentDeps; plans: PlanDeps; uploadLimitBytes: number },
) {
  await appInstance.register(multipart, {
    limits: { fileSize: deps.uploadLimitBytes, files: 1, fields: 5, fieldSize: 1_000 },
    throwFileSizeLimit: true,
  });
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  app.post(
    '/api/documents',
    {
      bodyLimit: deps.uploadLimitBytes + 64 * 1024,
      schema: {
        tags,
        description:
          'Upload a CV or offer (multipart: file, kind, title?) or paste it (JSON: {kind, text, title?}).',
        response: { 201: DocumentDetailSchema },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      let doc: StoredDocument;
      if (request.isMultipart()) {
        const upload = await readUpload(request, deps.uploadLimitBytes);
        const kind = DocumentKindSchema.safeParse(upload.kind);
        if (!kind.success) {
          throw new AppError(
            'validation_failed',
            {
              fr: 'Précisez s’il s’agit d’un CV ou d’une offre.',
              en: 'Say whether this is a CV or an offer.',
            },
            {
              fields: [{ field: 'kind', message: 'cv or offer' }],
            },
          );
        }
        doc = await createDocumentFromFile(deps.documents, userId, { ...upload, kind: kind.data });
      } else {
        const parsed = CreateDocumentJsonSchema.safeParse(request.body);
        if (!parsed.success) {
          throw new AppError(
            'validation_failed',
            { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' },
            {
              fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
            },
          );
        }
        doc = await createDocumentFromText(deps.documents, userId, parsed.data);
      }
      return reply.status(201).send(detail(doc));
    },
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags,
        querystring: z.object({ kind: DocumentKindSchema.optional() }),
        response: { 200: z.array(DocumentSummarySchema) },
      },
    },
    async (request) =>
      (await deps.documents.documents.list(authOf(request).userId, request.query.kind)).map(summary),
  );

  app.get(
    '/api/documents/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: DocumentDetailSchema } } },
    async (request) => detail(await getDocument(deps.documents, authOf(request).userId, request.params.id)),
  );

  app.patch(
    '/api/documents/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateDocumentSchema,
        response: { 200: DocumentDetailSchema },
      },
    },
    async (request) =>
      detail(await updateDocument(deps.documents, authOf(request).userId, request.params.id, request.body)),
  );

  app.put(
    '/api/documents/:id/file',
    {
      bodyLimit: deps.uploadLimitBytes + 64 * 1024,
      schema: { tags, params: IdParamsSchema, response: { 200: DocumentDetailSchema } },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', {
          fr: 'Envoyez un fichier (multipart).',
          en: 'Send a file (multipart).',
        });
      }
      const upload = await readUpload(request, deps.uploadLimitBytes);
      return detail(
        await replaceDocumentFile(deps.documents, authOf(request).userId, request.params.id, upload),
      );
    },
  );

  app.post(
    '/api/documents/:id/requirements',
    {
      schema: {
        tags,
        description:
          'Requirements of an offer that the reading rules missed, found by the AI engine (each word for word in the offer). Nothing is saved: send the accepted ones as corrections.',
        params: IdParamsSchema,
        response: { 200: SuggestedRequirementsSchema },
      },
    },
    async (request) =>
      suggestOfferRequirements(deps.documents, deps.plans, authOf(request).userId, request.params.id),
  );

  app.delete('/api/documents/:id', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    await deleteDocument(deps.documents, authOf(request).userId, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/offers/import',
    { schema: { tags, body: ImportOfferSchema, response: { 201: DocumentDetailSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(detail(await importOffer(deps.documents, authOf(request).userId, request.body.url))),
  );
}
