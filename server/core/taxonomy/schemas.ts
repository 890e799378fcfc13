import { z } from 'zod';

/**
 * The shipped data file, column-oriented to stay small: index i of every array describes skill i
 * (or occupation i). Built by scripts/build-taxonomy.ts.
 */
export const TaxonomyDataSchema = z.object({
  version: z.literal(1),
  attribution: z.string(),
  skills: z.object({
    /** "esco:<n>" or "rome:<code_ogr>". */
    id: z.array(z.string()),
    /** One letter per skill: h = hard, s = soft (ESCO transversal). */
    kind: z.string(),
    /** One letter per skill: k = knowledge, c = skill/competence. */
    type: z.string(),
    en: z.array(z.string()),
    fr: z.array(z.string()),
    altEn: z.array(z.string()),
    altFr: z.array(z.string()),
    /** "|"-joined stem keys, each prefixed by its language ("f…" or "e…"). */
    keys: z.array(z.string()),
  }),
  occupations: z.object({
    /** "esco:<n>" or "rome:<code>". */
    id: z.array(z.string()),
    en: z.array(z.string()),
    fr: z.array(z.string()),
    alt: z.array(z.string()),
    /** Folded keys: "preferred|…§alternative|…". */
    keys: z.array(z.string()),
    essential: z.array(z.array(z.number().int())),
    optional: z.array(z.array(z.number().int())),
  }),
});
export type TaxonomyData = z.infer<typeof TaxonomyDataSchema>;

/** A skill of the taxonomy, with its labels in both languages. */
export const SkillSchema = z.object({
  id: z.string(),
  kind: z.enum(['hard', 'soft']),
  type: z.enum(['knowledge', 'competence']),
  labelEn: z.string(),
  labelFr: z.string(),
  altEn: z.array(z.string()),
  altFr: z.array(z.string()),
});
export type Skill = z.infer<typeof SkillSchema>;

/** An occupation: an ESCO occupation or a ROME job sheet (fiche) with its appellations. */
export const OccupationSchema = z.object({
  id: z.string(),
  source: z.enum(['esco', 'rome']),
  labelEn: z.string(),
  labelFr: z.string(),
  altLabels: z.array(z.string()),
});
export type Occupation = z.infer<typeof OccupationSchema>;

/** The skills of an occupation, essential first. */
export const OccupationSkillsSchema = z.object({
  essential: z.array(SkillSchema),
  optional: z.array(SkillSchema),
});
export type OccupationSkills = z.infer<typeof OccupationSkillsSchema>;
