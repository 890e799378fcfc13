/** The Trajectory Builder's output: from one occupation to another, through the skills taxonomy. */
import { z } from 'zod';
import { type CvProfile, LanguageSchema } from '../profile/schemas';

/** How an occupation was placed in the taxonomy. */
export const OccupationMatchKindSchema = z.enum([
  /** The text is a preferred label of the occupation. */
  'label',
  /** The text is an alternative label (appellation, synonym). */
  'alternative',
  /** Found through an alias, a shortened title or a label that starts with the text. */
  'approximate',
  /** The text could not be placed; the offer's title was used instead. */
  'offer-title',
  /** The text could not be placed; a job title of the CV was used instead. */
  'cv-title',
  'none',
]);
export type OccupationMatchKind = z.infer<typeof OccupationMatchKindSchema>;

/** An occupation as the user wrote it and as the taxonomy knows it (null when unplaced). */
export const ResolvedOccupationSchema = z.object({
  input: z.string(),
  id: z.string().nullable(),
  /** Taxonomy label in the output language (the other language when it has none). */
  label: z.string().nullable(),
  source: z.enum(['esco', 'rome']).nullable(),
  match: OccupationMatchKindSchema,
});
export type ResolvedOccupation = z.infer<typeof ResolvedOccupationSchema>;

export const ImportanceSchema = z.enum(['essential', 'optional']);
export type Importance = z.infer<typeof ImportanceSchema>;

/** Where a target skill comes from: the offer's requirements, the target occupation, or both. */
export const SkillOriginSchema = z.enum(['offer', 'occupation', 'both']);
export type SkillOrigin = z.infer<typeof SkillOriginSchema>;

/** A skill the target needs and the CV shows. */
export const TransferableSkillSchema = z.object({
  skill: z.string(),
  /** Taxonomy id ("esco:…", "rome:…", "alias:…") or null for an offer term the taxonomy lacks. */
  skillId: z.string().nullable(),
  /** The CV sentence or line where it shows, verbatim. */
  evidence: z.string(),
  /** It belongs to the previous occupation, or the CV shows it in a job outside the target field. */
  fromOccupation: z.boolean(),
  importance: ImportanceSchema,
  origin: SkillOriginSchema,
});
export type TransferableSkill = z.infer<typeof TransferableSkillSchema>;

/** A skill the target needs and the CV does not show; rank 1 matters most. */
export const SkillGapSchema = z.object({
  skill: z.string(),
  skillId: z.string().nullable(),
  importance: ImportanceSchema,
  reason: z.string(),
  rank: z.number().int().min(1),
  origin: SkillOriginSchema,
});
export type SkillGap = z.infer<typeof SkillGapSchema>;

export const StepKindSchema = z.enum(['assessment', 'training', 'practice', 'networking', 'applications']);
export type StepKind = z.infer<typeof StepKindSchema>;

/** One step of the plan; weeks count from the start of the plan (the first step starts at week 0). */
export const TrajectoryStepSchema = z.object({
  kind: StepKindSchema,
  title: z.string(),
  detail: z.string(),
  weeks: z.number().int().min(1),
  startWeek: z.number().int().min(0),
  skills: z.array(z.string()),
});
export type TrajectoryStep = z.infer<typeof TrajectoryStepSchema>;

/** A French career-change scheme, named generically (no links, no prices), and when it fits. */
export const TrajectoryRouteSchema = z.object({
  name: z.string(),
  when: z.string(),
});
export type TrajectoryRoute = z.infer<typeof TrajectoryRouteSchema>;

export const TrajectorySchema = z.object({
  language: LanguageSchema,
  from: ResolvedOccupationSchema,
  to: ResolvedOccupationSchema,
  transferable: z.array(TransferableSkillSchema),
  /** Ranked, most important first; capped (see omittedGaps). */
  gaps: z.array(SkillGapSchema),
  /** Lesser gaps left out of the list to keep the plan readable. */
  omittedGaps: z.number().int().min(0),
  /** CV education or certifications already in the target field (they shorten the training step). */
  relatedTraining: z.array(z.string()),
  steps: z.array(TrajectoryStepSchema),
  routes: z.array(TrajectoryRouteSchema),
  totalWeeks: z.number().int().min(0),
  summary: z.string(),
  /** Personal advice on the plan, by the AI engine when a model enriched it. */
  advice: z.string().optional(),
});
export type Trajectory = z.infer<typeof TrajectorySchema>;

/** What the builder needs: two occupations as written, the CV, optionally the offer. */
export interface TrajectoryInput {
  /** Current or previous occupation, free text ("infirmier en réanimation", "aide-soignante"). */
  from: string;
  /** Target occupation ("data analyst", "analyste SOC"). */
  to: string;
  /** The CV as text: evidence is quoted from it. */
  cvText: string;
  /** The structured CV, when already parsed (otherwise the text is parsed). */
  cv?: CvProfile;
  /** A job offer: its requirements count as target skills. */
  offerText?: string;
  language: 'fr' | 'en';
  /**
   * "YYYY" or "YYYY-MM" that ongoing jobs run to when measuring experience (for VAE). Without it
   * the latest year the CV mentions is used, so that the same input always gives the same plan.
   */
  asOf?: string;
}
