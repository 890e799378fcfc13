import { z } from 'zod';
import { LanguageSchema } from '../profile/schemas';

/** Where a requirement sits in the offer; drives its weight. */
export const OfferSectionSchema = z.enum(['title', 'must', 'nice', 'missions', 'other', 'company']);
export type OfferSection = z.infer<typeof OfferSectionSchema>;

/** The kind of keyword, one per line of the score breakdown. */
export const KeywordCategorySchema = z.enum(['hard', 'soft', 'title', 'education', 'other']);
export type KeywordCategory = z.infer<typeof KeywordCategorySchema>;

/** A keyword or skill the offer asks for. */
export const OfferKeywordSchema = z.object({
  /** As written in the offer (first occurrence). */
  term: z.string(),
  /** Normalised identity (alias group, or stems) used to merge repeated mentions. */
  key: z.string(),
  category: KeywordCategorySchema,
  /** Best section it appears in. */
  section: OfferSectionSchema,
  /** Must-have (title or required section) rather than nice-to-have or context. */
  required: z.boolean(),
  /** Occurrences in the offer (mentions outside the company blurb). */
  frequency: z.number().int().min(1),
  /** Offset of the first occurrence in the offer text. */
  firstOffset: z.number().int().min(0),
  /** Relative importance (section × frequency × position); higher matters more. */
  weight: z.number(),
  /** Taxonomy skill id when the term is a known skill ("esco:…", "rome:…", "alias:…"). */
  skillId: z.string().optional(),
});
export type OfferKeyword = z.infer<typeof OfferKeywordSchema>;

/** The keywords of an offer, best first. */
export const OfferKeywordsSchema = z.object({
  language: LanguageSchema,
  title: z.string(),
  keywords: z.array(OfferKeywordSchema),
});
export type OfferKeywords = z.infer<typeof OfferKeywordsSchema>;

/** How a keyword was found: verbatim, by stem, by an alias, by the taxonomy, or in part. */
export const MatchKindSchema = z.enum(['exact', 'stem', 'alias', 'taxonomy', 'partial']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

/** Which text of the application. */
export const AtsDocumentSchema = z.enum(['cv', 'letter']);
export type AtsDocument = z.infer<typeof AtsDocumentSchema>;

/** One place where an offer keyword was found. */
export const KeywordMatchSchema = z.object({
  document: AtsDocumentSchema,
  kind: MatchKindSchema,
  /** The words found, as written. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The sentence (or bullet line) around it. */
  sentence: z.string(),
});
export type KeywordMatch = z.infer<typeof KeywordMatchSchema>;

/** An offer keyword and what the application does with it. */
export const KeywordResultSchema = OfferKeywordSchema.extend({
  /** 0–1: share of the keyword's weight earned (1 exact … 0 absent). */
  credit: z.number().min(0).max(1),
  matches: z.array(KeywordMatchSchema),
});
export type KeywordResult = z.infer<typeof KeywordResultSchema>;

/** A place in the CV or letter where a missing keyword could be worked in. */
export const SuggestionSchema = z.object({
  document: AtsDocumentSchema,
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** A keyword the application lacks (or only partly covers), with the points it would add. */
export const MissingKeywordSchema = z.object({
  term: z.string(),
  category: KeywordCategorySchema,
  required: z.boolean(),
  /** Score points gained if the keyword were matched exactly. */
  impact: z.number(),
  suggestion: SuggestionSchema.optional(),
});
export type MissingKeyword = z.infer<typeof MissingKeywordSchema>;

/** One line of the score breakdown. */
export const BreakdownLineSchema = z.object({
  /** Coverage of this category, 0–100. */
  score: z.number().int().min(0).max(100),
  /** Share of the final score this category carries (0–1, after redistribution). */
  weight: z.number(),
  matched: z.number().int(),
  total: z.number().int(),
});
export type BreakdownLine = z.infer<typeof BreakdownLineSchema>;

/** What the documents adapter learned about the CV file's layout. */
export const CvFileReportSchema = z.object({
  columns: z.boolean().optional(),
  tables: z.boolean().optional(),
  headerFooterText: z.boolean().optional(),
  imageOnlyPages: z.number().int().min(0).optional(),
});
export type CvFileReport = z.infer<typeof CvFileReportSchema>;

/** A layout problem that makes ATS parsers lose text. */
export const ParseabilityIssueSchema = z.object({
  code: z.enum(['columns', 'tables', 'header_footer_text', 'image_only_pages']),
  /** Fraction of the keyword score lost. */
  penalty: z.number(),
  message: z.object({ fr: z.string(), en: z.string() }),
});
export type ParseabilityIssue = z.infer<typeof ParseabilityIssueSchema>;

/** The full ATS report (Premium). */
export const AtsReportSchema = z.object({
  language: LanguageSchema,
  /** 0–100: keyword coverage, weighted, times the parseability factor. */
  score: z.number().int().min(0).max(100),
  /** Score before the parseability factor. */
  keywordScore: z.number().int().min(0).max(100),
  breakdown: z.object({
    hard: BreakdownLineSchema,
    soft: BreakdownLineSchema,
    title: BreakdownLineSchema,
    education: BreakdownLineSchema,
    other: BreakdownLineSchema,
  }),
  keywords: z.array(KeywordResultSchema),
  /** Ranked by impact, largest first. */
  missing: z.array(MissingKeywordSchema),
  parseability: z
    .object({ score: z.number().int().min(0).max(100), issues: z.array(ParseabilityIssueSchema) })
    .optional(),
});
export type AtsReport = z.infer<typeof AtsReportSchema>;

/** What the free plan shows: the score and the five most costly missing keywords. */
export const FreeAtsReportSchema = z.object({
  limited: z.literal(true),
  score: z.number().int().min(0).max(100),
  missing: z.array(MissingKeywordSchema.omit({ suggestion: true })).max(5),
});
export type FreeAtsReport = z.infer<typeof FreeAtsReportSchema>;

/** Input of the analyzer. */
export const AtsInputSchema = z.object({
  offerText: z.string().min(1),
  cvText: z.string(),
  letterText: z.string().optional(),
  cvFileReport: CvFileReportSchema.optional(),
  language: LanguageSchema.optional(),
});
export type AtsInput = z.infer<typeof AtsInputSchema>;
