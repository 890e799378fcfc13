/** Documents (CVs and offers): request and response shapes shared with the web client. */
import { z } from 'zod';

export const DocumentKindSchema = z.enum(['cv', 'offer']);

export const CreateDocumentJsonSchema = z.strictObject({
  kind: DocumentKindSchema,
  text: z.string().min(1).max(200_000),
  title: z.string().trim().max(120).optional(),
});

export const UpdateDocumentSchema = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  text: z.string().min(1).max(200_000).optional(),
  /** Corrections of what was read (fields of the CV or offer profile). */
  corrections: z.record(z.string(), z.unknown()).nullable().optional(),
  isDefault: z.literal(true).optional(),
});

export const ImportOfferSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2_000),
});

export const DocumentSummarySchema = z.object({
  id: z.uuid(),
  kind: DocumentKindSchema,
  title: z.string(),
  filename: z.string().nullable(),
  mediaType: z.string(),
  isDefault: z.boolean(),
  sourceUrl: z.string().nullable(),
  wordCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  text: z.string(),
  structured: z.unknown(),
  corrections: z.unknown(),
  /** What was read with the corrections applied: what the letter will use. */
  effective: z.unknown(),
  parseReport: z.unknown(),
});

export const IdParamsSchema = z.object({ id: z.uuid() });

/** Requirements the AI engine found in an offer beyond what the rules read (none offline). */
export const SuggestedRequirementsSchema = z.object({
  mustHave: z.array(z.string()),
  niceToHave: z.array(z.string()),
  engine: z.enum(['ai', 'offline']),
});
