/**
 * The letter brief: everything a writer (the offline composer or a model) needs and may use —
 * conventions, order (vous – moi – nous), the CV facts allowed as proof, the offer's keywords to
 * weave in, the register to mirror, the target length and the candidate's own answers.
 * The analyses (ATS, Mirror Match, transferable skills) feed it; without them it falls back to
 * simple matching so that a letter can always be written.
 */
import { z } from 'zod';
import { type CvProfile, LanguageSchema, type OfferProfile } from '../profile/schemas';
import { foldText } from '../text/fold';
import { ConventionsSchema, decideConventions } from './conventions';
import {
  BriefFactSchema,
  extractBriefFacts,
  suggestTransferableSkillsFromFacts,
  TransferableSkillSchema,
} from './facts';
import { LengthSchema, type LetterOptions, TARGET_WORDS, ToneSchema } from './options';

const SectorSchema = z.enum(['startup', 'corporate', 'public', 'associative']);

export const BriefAnalysesSchema = z.object({
  /** ATS keywords of the offer present in the CV, most important first. */
  keywordsToCover: z.array(z.string()).optional(),
  /** Offer keywords the CV lacks: never claimed by the letter. */
  missingKeywords: z.array(z.string()).optional(),
  /** The offer's register from Mirror Match. */
  register: z
    .object({
      formality: z.enum(['formal', 'informal']),
      address: z.enum(['vous', 'tu', 'you']),
      sector: SectorSchema,
      wordsToReuse: z.array(z.string()),
      values: z.array(z.string()),
    })
    .optional(),
  /** Transferable skills the user kept, each with its CV evidence. */
  transferableSkills: z.array(TransferableSkillSchema).optional(),
});
/** What the analyses contribute to the brief; every part optional (the services fill what they have). */
export type BriefAnalyses = z.infer<typeof BriefAnalysesSchema>;

const PlanStepSchema = z.object({
  part: z.enum(['vous', 'moi', 'nous']),
  /** What this part must achieve (an instruction for the writer). */
  goal: z.string(),
  /** The facts this part should use. */
  factIds: z.array(z.string()),
});

export const LetterBriefSchema = z.object({
  language: LanguageSchema,
  tone: ToneSchema,
  length: LengthSchema,
  /** Body words (between salutation and closing); the writer stays within ±20 %. */
  targetWords: z.number().int().positive(),
  candidate: z.object({ name: z.string().nullable(), city: z.string().nullable() }),
  careerChange: z.object({ from: z.string(), to: z.string() }),
  target: z.object({
    /** The job title of the offer (without gender marker), else the career change's target. */
    role: z.string(),
    company: z.string().nullable(),
    location: z.string().nullable(),
    contractType: z.string().nullable(),
  }),
  conventions: ConventionsSchema,
  register: z.object({
    formality: z.enum(['formal', 'informal']),
    /** How the offer addresses candidates; the letter itself always says "vous" in French. */
    offerAddress: z.enum(['vous', 'tu', 'you']),
    sector: SectorSchema,
    wordsToReuse: z.array(z.string()),
    values: z.array(z.string()),
    /** One sentence telling the writer how to sound. */
    guidance: z.string(),
  }),
  /** The order of the letter: vous (company and role) – moi (bridge, proofs, training) – nous (together, interview). */
  plan: z.array(PlanStepSchema),
  /** The ONLY facts the letter may use about the candidate. */
  facts: z.array(BriefFactSchema),
  /** 2–3 facts to quote or paraphrase as proof, strongest first. */
  proofIds: z.array(z.string()),
  /** Recent education and certifications that show the change is prepared. */
  trainingIds: z.array(z.string()),
  /** Skills listed in the CV (allowed to be named). */
  skills: z.array(z.string()),
  keywordsToCover: z.array(z.string()),
  missingKeywords: z.array(z.string()),
  transferableSkills: z.array(TransferableSkillSchema),
  offer: z.object({ missions: z.array(z.string()), mustHave: z.array(z.string()) }),
  answers: z.object({
    whyCompany: z.string().nullable(),
    proudMoment: z.string().nullable(),
    learningNow: z.string().nullable(),
  }),
  /** The CV and offer texts, for a model that reads them as data blocks; capped. */
  sources: z.object({ cvText: z.string(), offerText: z.string() }).optional(),
});
/** The full brief given to a letter writer. */
export type LetterBrief = z.infer<typeof LetterBriefSchema>;

/** Cap on each source text carried by the brief (a CV of two dense pages is ~8,000 characters). */
export const MAX_SOURCE_CHARS = 20_000;

export interface BuildBriefInput {
  cv: CvProfile;
  offer: OfferProfile;
  options: LetterOptions;
  analyses?: BriefAnalyses | undefined;
  today: Date;
  /** The raw texts, when the writer is a model that should read them as data. */
  sources?: { cvText: string; offerText: string } | undefined;
}

function renderCv(cv: CvProfile): string {
  return [
    cv.headline ?? '',
    cv.summary ?? '',
    ...cv.experiences.flatMap((e) => [e.title, e.employer ?? '', ...e.facts]),
    ...cv.education.map((e) => `${e.title} ${e.institution ?? ''}`),
    ...cv.certifications,
    ...cv.skills,
    ...(cv.softSkills ?? []),
    ...cv.languages,
    ...cv.otherFacts,
  ].join('\n');
}

function containsTerm(haystackFold: string, term: string): boolean {
  const needle = foldText(term.trim());
  if (needle.length < 2) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(haystackFold);
}

/** Offer keywords found in the CV (whole words, accent-insensitive), must-haves first, in the CV's spelling. */
export function findKeywordsToCover(cv: CvProfile, offer: OfferProfile, limit = 8): string[] {
  const cvFold = foldText(renderCv(cv));
  const mustFold = foldText(offer.mustHave.join('\n'));
  const candidates = [...offer.skills].sort(
    (a, b) => Number(containsTerm(mustFold, b)) - Number(containsTerm(mustFold, a)),
  );
  const seen = new Set<string>();
  const result: string[] = [];
  for (const keyword of candidates) {
    const key = foldText(keyword);
    if (seen.has(key) || !containsTerm(cvFold, keyword)) continue;
    // Skip a keyword already inside a longer one kept ("BI" inside "Power BI").
    if (result.some((kept) => containsTerm(foldText(kept), keyword))) continue;
    seen.add(key);
    const cvSpelling = cv.skills.find((skill) => foldText(skill) === key);
    result.push(cvSpelling ?? keyword);
    if (result.length >= limit) break;
  }
  return result;
}

function cityOf(cv: CvProfile, options: LetterOptions): string | null {
  if (options.city) return options.city;
  const location = cv.contact.location;
  if (!location) return null;
  return (
    location
      .split(',')[0]
      ?.replace(/\s*\(.*\)\s*$/, '')
      .trim() || null
  );
}

function guidanceFor(
  language: 'fr' | 'en',
  register: { formality: string; offerAddress: string; sector: string },
): string {
  const parts: string[] = [];
  if (language === 'fr') {
    parts.push('Vouvoiement throughout the letter.');
    if (register.offerAddress === 'tu')
      parts.push('The offer says "tu": keep "vous", but write plainly and directly, with energy.');
  }
  if (register.formality === 'informal')
    parts.push('Informal company: short sentences, concrete, warm, no stiffness.');
  if (register.sector === 'public') parts.push('Public employer: sober, precise, sense of public service.');
  if (register.sector === 'associative')
    parts.push('Association: purpose, people, values, without grandiloquence.');
  if (register.sector === 'corporate' && register.formality === 'formal')
    parts.push('Formal company: measured, professional wording.');
  return parts.join(' ');
}

/** Builds the letter brief from the profiles, the user's options and whatever analyses are available. */
export function buildLetterBrief(input: BuildBriefInput): LetterBrief {
  const { cv, offer, options, analyses, today } = input;
  const language = options.language;
  const role = offer.title ?? options.careerChange.to;
  const keywordsToCover = analyses?.keywordsToCover?.length
    ? analyses.keywordsToCover.slice(0, 10)
    : findKeywordsToCover(cv, offer);
  const facts = extractBriefFacts(cv, offer, {
    targetRole: options.careerChange.to,
    extraTerms: keywordsToCover,
    today,
  });

  // An old job (ended more than twelve years ago) makes weaker proof than a recent one.
  const oldLimit = today.getUTCFullYear() - 12;
  const weight = (f: (typeof facts)[number]) =>
    f.relevance - (f.endYear !== null && f.endYear < oldLimit ? 0.3 : 0);
  const achievements = facts
    .filter((f) => f.kind === 'achievement')
    .sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
  const proofs: string[] = [];
  const take = (id: string | undefined) => {
    if (id && !proofs.includes(id) && proofs.length < 3) proofs.push(id);
  };
  // The bridge needs one proof from the career being left, and one from the new field when there is one.
  take(achievements.find((f) => f.phase === 'previous')?.id);
  take(achievements.find((f) => f.phase === 'transition')?.id);
  for (const fact of achievements) take(fact.id);
  if (proofs.length < 2)
    for (const fact of facts.filter((f) => f.kind === 'role' || f.kind === 'other')) take(fact.id);

  const trainingIds = facts
    .filter((f) => (f.kind === 'education' || f.kind === 'certification') && f.recent)
    .sort(
      (a, b) => Number(b.kind === 'education') - Number(a.kind === 'education') || b.relevance - a.relevance,
    )
    .slice(0, 2)
    .map((f) => f.id);

  const offerText = [offer.title ?? '', ...offer.mustHave, ...offer.niceToHave, ...offer.missions].join('\n');
  const transferableSkills = analyses?.transferableSkills?.length
    ? analyses.transferableSkills.slice(0, 4)
    : suggestTransferableSkillsFromFacts(facts, offerText, language);

  const register = {
    formality: analyses?.register?.formality ?? 'formal',
    offerAddress: analyses?.register?.address ?? (offer.language === 'en' ? 'you' : 'vous'),
    sector: analyses?.register?.sector ?? 'corporate',
    wordsToReuse: analyses?.register?.wordsToReuse ?? [],
    values: analyses?.register?.values?.length ? analyses.register.values : offer.values,
  } as const;

  const conventions = decideConventions({
    language,
    tone: options.tone,
    formality: register.formality,
    sector: register.sector,
    offer,
    recruiterName: options.recruiterName,
    role,
    city: cityOf(cv, options),
    candidateName: cv.name,
    today,
  });

  const company = offer.company ?? (language === 'fr' ? 'votre structure' : 'your organisation');
  const proofList = proofs.join(', ');
  const plan = [
    {
      part: 'vous' as const,
      goal: `Open on ${company} and the ${role} role: why this company (the candidate's answer if given, the offer's values and missions). No cliché opening.`,
      factIds: [],
    },
    {
      part: 'moi' as const,
      goal: `Bridge from ${options.careerChange.from} to ${role}: present the change as an asset, with the proofs ${proofList || '(none)'}; reframe the transferable skills for the target job; show the training and what is being learnt now.`,
      factIds: [...proofs, ...trainingIds],
    },
    {
      part: 'nous' as const,
      goal: 'What we will achieve together on the missions of the offer; ask for an interview.',
      factIds: [],
    },
  ];

  const answer = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  const cap = (text: string) => (text.length > MAX_SOURCE_CHARS ? text.slice(0, MAX_SOURCE_CHARS) : text);
  return {
    language,
    tone: options.tone,
    length: options.length,
    targetWords: TARGET_WORDS[options.length],
    candidate: { name: cv.name, city: cityOf(cv, options) },
    careerChange: { from: options.careerChange.from, to: options.careerChange.to },
    target: { role, company: offer.company, location: offer.location, contractType: offer.contractType },
    conventions,
    register: { ...register, guidance: guidanceFor(language, register) },
    plan,
    facts,
    proofIds: proofs,
    trainingIds,
    skills: cv.skills,
    keywordsToCover,
    missingKeywords: analyses?.missingKeywords ?? [],
    transferableSkills,
    offer: { missions: offer.missions.slice(0, 5), mustHave: offer.mustHave.slice(0, 8) },
    answers: {
      whyCompany: answer(options.answers?.whyCompany),
      proudMoment: answer(options.answers?.proudMoment),
      learningNow: answer(options.answers?.learningNow),
    },
    ...(input.sources
      ? { sources: { cvText: cap(input.sources.cvText), offerText: cap(input.sources.offerText) } }
      : {}),
  };
}

/** The user's own inputs carried by the brief (career change, answers, city, conventions): legitimate letter words. */
export function briefSourceText(brief: LetterBrief): string {
  return [
    brief.careerChange.from,
    brief.careerChange.to,
    brief.target.role,
    brief.candidate.city ?? '',
    brief.answers.whyCompany ?? '',
    brief.answers.proudMoment ?? '',
    brief.answers.learningNow ?? '',
    brief.conventions.salutation,
    brief.conventions.closing,
    brief.conventions.subjectLine,
    brief.conventions.placeDateLine,
    brief.conventions.attentionLine ?? '',
    ...brief.transferableSkills.map((s) => s.skill),
    ...brief.register.wordsToReuse,
    ...brief.register.values,
  ].join('\n');
}
