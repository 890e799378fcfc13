/** The user's choices for one letter: career change, tone, length, language and personal answers. */
import { z } from 'zod';
import { LanguageSchema } from '../profile/schemas';

export const TONES = ['formel', 'dynamique', 'sobre', 'creatif', 'startup', 'associatif'] as const;
export const ToneSchema = z.enum(TONES);
export type Tone = z.infer<typeof ToneSchema>;

export const LENGTHS = ['short', 'standard', 'long'] as const;
export const LengthSchema = z.enum(LENGTHS);
export type LetterLength = z.infer<typeof LengthSchema>;

/** Target word counts of the body per length (DESIGN §1: 250–400 words for a standard French letter). */
export const TARGET_WORDS: Record<LetterLength, number> = { short: 200, standard: 300, long: 400 };

const answer = z.string().trim().max(1_000).optional();

export const LetterOptionsSchema = z.object({
  careerChange: z.object({
    from: z.string().trim().min(1).max(120),
    to: z.string().trim().min(1).max(120),
  }),
  tone: ToneSchema.default('formel'),
  length: LengthSchema.default('standard'),
  language: LanguageSchema.default('fr'),
  recruiterName: z.string().trim().max(120).optional(),
  /** The "3 questions" asked before writing; each may be skipped. */
  answers: z
    .object({
      whyCompany: answer,
      proudMoment: answer,
      learningNow: answer,
    })
    .default({}),
  /** Sender's city for the "place and date" line of a French letter. */
  city: z.string().trim().max(80).optional(),
});
export type LetterOptions = z.infer<typeof LetterOptionsSchema>;
