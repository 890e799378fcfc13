/** The Mirror Match report: an offer's register, values and vocabulary, and how far a CV/letter mirror them. */
import { z } from 'zod';
import { ToneSchema } from '../letter/options';
import { LanguageSchema } from '../profile/schemas';

export const FormalitySchema = z.enum(['formal', 'informal']);
/** formal | informal. */
export type Formality = z.infer<typeof FormalitySchema>;

export const AddressSchema = z.enum(['vous', 'tu', 'you']);
/** How the offer speaks to the reader: vous / tu (French) or you (English). */
export type Address = z.infer<typeof AddressSchema>;

export const SectorSchema = z.enum(['startup', 'corporate', 'public', 'associative']);
/** startup | corporate (private company, PME to group) | public | associative (association, ESS). */
export type Sector = z.infer<typeof SectorSchema>;

/** One piece of text that weighed in a decision, with its offsets in the analysed text. */
export const EvidenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** What the piece signals, e.g. "tutoiement", "emoji", "statut de la fonction publique". */
  signal: z.string(),
  /** Which side it pushed: a formality/address/sector value. */
  supports: z.string(),
  weight: z.number(),
  /** Which text it comes from (the offer or the company page). */
  source: z.enum(['offer', 'companyPage']),
});
/** See {@link EvidenceSchema}. */
export type Evidence = z.infer<typeof EvidenceSchema>;

const decision = <T extends z.ZodTypeAny>(value: T) =>
  z.object({
    value,
    /** 0–1: share of the weighted evidence that supports the chosen value (tempered when evidence is thin). */
    confidence: z.number().min(0).max(1),
    /** Weighted score per candidate value. */
    scores: z.record(z.string(), z.number()),
    evidence: z.array(EvidenceSchema),
  });

export const RegisterSchema = z.object({
  formality: decision(FormalitySchema),
  address: decision(AddressSchema),
  sector: decision(SectorSchema),
});
/** The offer's register: formality, address and sector, each with confidence and evidence. */
export type Register = z.infer<typeof RegisterSchema>;

export const StatedValueSchema = z.object({
  /** The value, normalised (article and trailing complement removed): "dignité". */
  value: z.string(),
  /** As written in the list: "la dignité de chaque personne". */
  asWritten: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  source: z.enum(['offer', 'companyPage']),
});
/** A value the company states explicitly ("Nos valeurs : …", "Our values: …"). */
export type StatedValue = z.infer<typeof StatedValueSchema>;

export const VocabularyTermSchema = z.object({
  term: z.string(),
  kind: z.enum(['word', 'phrase']),
  count: z.number().int().positive(),
  score: z.number(),
  /** Offsets of the first occurrence in the offer (or company page). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** A distinctive word or phrase of the offer, worth reusing. */
export type VocabularyTerm = z.infer<typeof VocabularyTermSchema>;

export const MirrorHitSchema = z.object({
  term: z.string(),
  kind: z.enum(['value', 'word']),
  found: z.boolean(),
  /** Offsets in the candidate text where it was found (first few). */
  positions: z.array(z.object({ text: z.string(), start: z.number().int(), end: z.number().int() })),
});
/** Whether one value/word of the offer appears in the candidate's text. */
export type MirrorHit = z.infer<typeof MirrorHitSchema>;

export const AlignmentSchema = z.object({
  /** 0–100: weighted share of values (×2) and vocabulary words (×1) found. */
  score: z.number().int().min(0).max(100),
  valuesFound: z.array(MirrorHitSchema),
  valuesAbsent: z.array(z.string()),
  wordsFound: z.array(MirrorHitSchema),
  wordsAbsent: z.array(z.string()),
});
/** How far one candidate text (CV or letter) mirrors the offer. */
export type Alignment = z.infer<typeof AlignmentSchema>;

export const MirrorReportSchema = z.object({
  language: LanguageSchema,
  register: RegisterSchema,
  values: z.array(StatedValueSchema),
  vocabulary: z.array(VocabularyTermSchema),
  alignment: z.object({ cv: AlignmentSchema.nullable(), letter: AlignmentSchema.nullable() }),
  recommendedTone: z.object({ tone: ToneSchema, reason: z.string() }),
  /** Values first, then the most distinctive vocabulary; what the letter should echo. */
  wordsToReuse: z.array(z.string()),
  /** Two sentences on the company's culture, by the AI engine when a model enriched the report. */
  cultureSummary: z.string().optional(),
});
/** The full Mirror Match report. */
export type MirrorReport = z.infer<typeof MirrorReportSchema>;

export const MirrorInputSchema = z.object({
  offerText: z.string().min(1),
  companyPageText: z.string().optional(),
  cvText: z.string().optional(),
  letterText: z.string().optional(),
  language: LanguageSchema.optional(),
});
/** Input of analyzeMirror; raw texts, the language guessed from the offer when absent. */
export type MirrorInput = z.infer<typeof MirrorInputSchema>;

export const BriefRegisterSchema = z.object({
  formality: FormalitySchema,
  address: AddressSchema,
  sector: SectorSchema,
  wordsToReuse: z.array(z.string()),
  values: z.array(z.string()),
});
/** The register part of the letter brief. */
export type BriefRegister = z.infer<typeof BriefRegisterSchema>;
