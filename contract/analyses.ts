/** Analyses: one request shape for all five, shared with the web client. */
import { z } from 'zod';

export const AnalysisRequestSchema = z
  .strictObject({
    cvDocumentId: z.uuid().optional(),
    cvText: z.string().min(1).max(200_000).optional(),
    offerDocumentId: z.uuid().optional(),
    offerText: z.string().min(1).max(200_000).optional(),
    letterId: z.uuid().optional(),
    letterText: z.string().min(1).max(50_000).optional(),
    companyPageText: z.string().min(1).max(100_000).optional(),
    tone: z.enum(['formel', 'dynamique', 'sobre', 'creatif', 'startup', 'associatif']).optional(),
    language: z.enum(['fr', 'en']).optional(),
    from: z.string().trim().min(1).max(120).optional(),
    to: z.string().trim().min(1).max(120).optional(),
  })
  .refine((r) => !(r.cvDocumentId && r.cvText), { message: 'cvDocumentId or cvText, not both' })
  .refine((r) => !(r.offerDocumentId && r.offerText), { message: 'offerDocumentId or offerText, not both' })
  .refine((r) => !(r.letterId && r.letterText), { message: 'letterId or letterText, not both' });

export const AnalysisResponseSchema = z.object({
  kind: z.enum(['ats', 'mirror', 'coach', 'trajectory', 'transferable_skills']),
  cached: z.boolean(),
  plan: z.enum(['free', 'premium']),
  createdAt: z.string(),
  result: z.unknown(),
});
