/** The plan endpoint's shapes, shared with the web client. */
import { z } from 'zod';

export const PlanSummarySchema = z.object({
  plan: z.enum(['free', 'premium']),
  source: z.enum(['stripe', 'beta', 'admin']).nullable(),
  premiumEndsAt: z.string().nullable(),
  quota: z.object({
    period: z.string(),
    used: z.number(),
    limit: z.number(),
    remaining: z.number(),
    resetsAt: z.string(),
    fairUse: z.boolean(),
  }),
  features: z.record(z.string(), z.boolean()),
  premium: z.object({
    priceLabel: z.string(),
    paymentConfigured: z.boolean(),
    unlocks: z.array(z.string()),
    lettersPerMonth: z.number(),
  }),
  freeLettersPerMonth: z.number(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const BetaCodeRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(64),
});
