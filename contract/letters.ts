/** Letters: generation request, letter views, versions; shared with the web client. */
import { z } from 'zod';
import { LetterOptionsSchema } from '../server/core/letter/options';

const DocumentRefSchema = z.union([
  z.strictObject({ documentId: z.uuid() }),
  z.strictObject({ text: z.string().min(1).max(200_000) }),
]);

export const GenerateLetterSchema = z.strictObject({
  cv: DocumentRefSchema,
  offer: DocumentRefSchema,
  options: LetterOptionsSchema,
  /** Transferable skills the user kept after reviewing the suggestion. */
  keptSkills: z
    .array(z.strictObject({ skill: z.string().min(1).max(200), evidence: z.string().min(1).max(400) }))
    .max(20)
    .optional(),
});
export type GenerateLetterRequest = z.infer<typeof GenerateLetterSchema>;

export const LetterSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  language: z.enum(['fr', 'en']),
  tone: z.string(),
  length: z.enum(['short', 'standard', 'long']),
  status: z.enum(['generating', 'complete', 'failed', 'cancelled']),
  currentVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const LetterVersionSchema = z.object({
  version: z.number(),
  content: z.string(),
  source: z.enum(['generated', 'edited', 'restored', 'duplicated']),
  engine: z.string().nullable(),
  model: z.string().nullable(),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  createdAt: z.string(),
});

export const LetterDetailSchema = LetterSummarySchema.extend({
  cvDocumentId: z.string().nullable(),
  offerDocumentId: z.string().nullable(),
  content: z.string().nullable(),
  current: LetterVersionSchema.nullable(),
  grounding: z.unknown(),
  writtenWithoutAi: z.boolean(),
});

export const UpdateLetterSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  content: z.string().min(1).max(20_000).optional(),
});

export const DuplicateLetterSchema = z.strictObject({
  offerDocumentId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200).optional(),
});

export const RegenerateLetterSchema = z.strictObject({
  options: LetterOptionsSchema.optional(),
});

export const ExportQuerySchema = z.object({ format: z.enum(['pdf', 'docx', 'txt']) });
