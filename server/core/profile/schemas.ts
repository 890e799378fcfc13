/**
 * What Phoenix Letters reads from a CV and from a job offer. Every analysis and the letter
 * brief stand on these two shapes; the user can review and correct them before generating.
 */
import { z } from 'zod';

export const LanguageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ExperienceSchema = z.object({
  title: z.string(),
  /** null for freelance or self-employed work. */
  employer: z.string().nullable(),
  location: z.string().nullable(),
  datesAsWritten: z.string().nullable(),
  /** YYYY or YYYY-MM. */
  start: z.string().nullable(),
  /** YYYY or YYYY-MM; null means ongoing. */
  end: z.string().nullable(),
  /** The bullet points (facts) under the experience, as written. */
  facts: z.array(z.string()),
});
export type Experience = z.infer<typeof ExperienceSchema>;

export const EducationSchema = z.object({
  title: z.string(),
  institution: z.string().nullable(),
  datesAsWritten: z.string().nullable(),
});
export type Education = z.infer<typeof EducationSchema>;

export const CvProfileSchema = z.object({
  language: LanguageSchema,
  name: z.string().nullable(),
  headline: z.string().nullable(),
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    location: z.string().nullable(),
    linkedin: z.string().nullable(),
    urls: z.array(z.string()),
  }),
  birthDateAsWritten: z.string().nullable(),
  summary: z.string().nullable(),
  experiences: z.array(ExperienceSchema),
  education: z.array(EducationSchema),
  certifications: z.array(z.string()),
  skills: z.array(z.string()),
  /** Soft skills listed under their own heading ("Savoir-être", "Soft skills"); optional for older data. */
  softSkills: z.array(z.string()).optional(),
  languages: z.array(z.string()),
  /** Other facts (projects, volunteering, interests) usable as proof. */
  otherFacts: z.array(z.string()),
});
export type CvProfile = z.infer<typeof CvProfileSchema>;

export const RecruiterSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  /** "Mme", "M.", "Mr"… as written, to address the letter; optional for older data. */
  civility: z.string().nullable().optional(),
});

export const OfferProfileSchema = z.object({
  language: LanguageSchema,
  /** Job title without gender marker, e.g. "Data Analyst junior". */
  title: z.string().nullable(),
  titleAsWritten: z.string().nullable(),
  /** "H/F", "F/H", "F/H/X"… or null. */
  genderMarker: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  /** Normalised: CDI, CDD, stage, alternance, freelance, fonction publique, permanent, fixed-term… */
  contractType: z.string().nullable(),
  mustHave: z.array(z.string()),
  niceToHave: z.array(z.string()),
  /** Skill keywords found in the offer (requirements and missions). */
  skills: z.array(z.string()),
  /** The offer's stated values ("bienveillance", "impact"…). */
  values: z.array(z.string()),
  /** The missions/responsibilities listed. */
  missions: z.array(z.string()),
  recruiter: RecruiterSchema.nullable(),
  /** Who the letter should address when the offer says so ("Monsieur le Président"). */
  addressee: z.string().nullable(),
});
export type OfferProfile = z.infer<typeof OfferProfileSchema>;
