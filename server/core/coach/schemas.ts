/** The Smart Coach report: a letter scored per criterion, with every problem located and a fix. */
import { z } from 'zod';
import { ToneSchema } from '../letter/options';
import { LanguageSchema } from '../profile/schemas';

export const CRITERIA = [
  'structure',
  'personalisation',
  'proof',
  'clarity',
  'careerChange',
  'toneFit',
  'conventions',
  'cliches',
  'grounding',
] as const;
export const CriterionIdSchema = z.enum(CRITERIA);
/** One of the nine criteria the coach scores. */
export type CriterionId = z.infer<typeof CriterionIdSchema>;

export const SpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** A piece of the letter with its offsets (end exclusive). */
export type TextSpan = z.infer<typeof SpanSchema>;

export const FindingSchema = z.object({
  criterion: CriterionIdSchema,
  /** Stable id a client can switch on: "cliche", "closing_mismatch", "tutoiement", "unsupported_claim"… */
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** The whole sentence concerned, or null for a letter-wide remark (length, missing part). */
  sentence: SpanSchema.nullable(),
  /** The exact words that triggered the finding, inside the sentence. */
  excerpt: SpanSchema.nullable(),
  suggestion: z.string(),
  /** The sentence rewritten by the AI engine, when a model enriched the report. */
  rewrite: z.string().optional(),
});
/** One problem (or remark) with where it is and what to do. */
export type Finding = z.infer<typeof FindingSchema>;

export const CriterionScoreSchema = z.object({
  id: CriterionIdSchema,
  /** 0–10, or null when it cannot be judged (no offer for personalisation, no CV for grounding). */
  score: z.number().min(0).max(10).nullable(),
  weight: z.number().positive(),
  summary: z.string(),
});
/** The score of one criterion. */
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const ClicheSchema = z.object({
  phrase: SpanSchema,
  sentence: SpanSchema,
  rewrite: z.string(),
});
/** A stock phrase found in the letter, with a concrete rewrite. */
export type Cliche = z.infer<typeof ClicheSchema>;

export const ClaimSchema = z.object({
  kind: z.enum(['certification', 'degree', 'skill', 'employer', 'number']),
  claim: SpanSchema,
  sentence: SpanSchema,
  supported: z.boolean(),
  /** The offer asks for it: an unsupported claim here is the most tempting kind of invention. */
  inOffer: z.boolean(),
});
/** A fact the letter states that can be checked against the CV. */
export type Claim = z.infer<typeof ClaimSchema>;

export const ConventionsSchema = z.object({
  salutation: SpanSchema.nullable(),
  closing: SpanSchema.nullable(),
  subject: SpanSchema.nullable(),
  address: z.enum(['vous', 'tu', 'mixed', 'none', 'you']),
  bodyWords: z.number().int().nonnegative(),
});
/** What the coach recognised of the letter's conventional parts. */
export type Conventions = z.infer<typeof ConventionsSchema>;

export const CoachReportSchema = z.object({
  language: LanguageSchema,
  tone: ToneSchema,
  /** 0–100: weighted mean of the applicable criteria. */
  overall: z.number().int().min(0).max(100),
  criteria: z.array(CriterionScoreSchema),
  findings: z.array(FindingSchema),
  cliches: z.array(ClicheSchema),
  claims: z.array(ClaimSchema),
  conventions: ConventionsSchema,
  wordCount: z.number().int().nonnegative(),
  paragraphCount: z.number().int().nonnegative(),
});
/** The full Smart Coach report. */
export type CoachReport = z.infer<typeof CoachReportSchema>;

export const CoachInputSchema = z.object({
  letterText: z.string().min(1),
  cvText: z.string().optional(),
  offerText: z.string().optional(),
  language: LanguageSchema.optional(),
  tone: ToneSchema.optional(),
  /** The target company when known (from the parsed offer); guessed from the offer text otherwise. */
  company: z.string().optional(),
});
/** Input of coachLetter. */
export type CoachInput = z.infer<typeof CoachInputSchema>;
