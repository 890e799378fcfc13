/**
 * The CV facts a letter may use, with stable ids, and how relevant each one is to the offer.
 * The letter (offline or LLM) may cite these and nothing else: this list is the grounding contract.
 */
import { z } from 'zod';
import type { CvProfile, Experience, Language, OfferProfile } from '../profile/schemas';
import { foldText } from '../text/fold';
import { stemWord } from '../text/stem';
import { isStopWord } from '../text/stopwords';

export const FactKindSchema = z.enum([
  'role',
  'achievement',
  'education',
  'certification',
  'language',
  'other',
]);
/** role (a job held), achievement (a bullet under it), education, certification, language, other (projects, volunteering). */
export type FactKind = z.infer<typeof FactKindSchema>;

export const PhaseSchema = z.enum(['previous', 'transition']);
/** previous: the career being left; transition: work already done in the target field (internship, first job). */
export type Phase = z.infer<typeof PhaseSchema>;

export const BriefFactSchema = z.object({
  /** Stable id within the brief: "E1" (role), "E1.2" (its second bullet), "D1", "C1", "L1", "O1". */
  id: z.string(),
  kind: FactKindSchema,
  /** The fact as written in the CV (trailing punctuation removed). */
  text: z.string(),
  /** For roles and achievements: the employer as written, null for freelance work. */
  employer: z.string().nullable(),
  /** For roles and achievements: the job title as written. */
  roleTitle: z.string().nullable(),
  /** For roles, achievements and education: the dates as written. */
  period: z.string().nullable(),
  /** For roles and achievements: first and last year (last null = ongoing). */
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  phase: PhaseSchema.nullable(),
  /** Numbers written in the fact: the only figures the letter may quote. */
  numbers: z.array(z.string()),
  /** 0–1: how much the fact speaks to the offer (shared terms, figures). */
  relevance: z.number(),
  /** For education and certifications: recent enough to count as training for the change. */
  recent: z.boolean(),
});
/** One CV fact the letter may use. */
export type BriefFact = z.infer<typeof BriefFactSchema>;

export const TransferableSkillSchema = z.object({
  /** The skill as the target job names it ("la rigueur et le respect des procédures", "SQL"). */
  skill: z.string().min(1).max(200),
  /** The CV fact that proves it, as written. */
  evidence: z.string().min(1).max(400),
});
/** A skill from the previous career that the target job needs, with its proof. */
export type TransferableSkill = z.infer<typeof TransferableSkillSchema>;

// Words that say how a job was held, not what it was: they must not make two titles "the same job".
const GENERIC_TITLE_WORDS = new Set(
  'junior senior stagiaire stage alternance apprenti contract contrat freelance intern trainee cdd cdi then puis remplacement month mois confirme confirmee'.split(
    ' ',
  ),
);

/** Content-word stems of a text (stop words and one-letter words removed; acronyms kept). */
export function contentStems(text: string, language: Language): Set<string> {
  const stems = new Set<string>();
  for (const raw of text.split(/[^\p{L}\p{N}+#]+/u)) {
    if (!raw) continue;
    const folded = foldText(raw);
    const isAcronym = /^\p{Lu}{2,}$/u.test(raw);
    if (!isAcronym && (folded.length < 3 || isStopWord(folded))) continue;
    stems.add(stemWord(folded, language));
  }
  return stems;
}

function yearOf(value: string | null): number | null {
  const match = value ? /^(\d{4})/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/** Figures written in a text ("2 millions", "18 %", "350 000 €" → "2", "18", "350 000"). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?/g)].map((m) => m[0]);
}

function isTransition(experience: Experience, targetStems: Set<string>, language: Language): boolean {
  const titleStems = contentStems(
    experience.title
      .split(/\s+/)
      .filter((w) => !GENERIC_TITLE_WORDS.has(foldText(w).replace(/[^a-z]/g, '')))
      .join(' '),
    language,
  );
  for (const stem of titleStems) if (targetStems.has(stem)) return true;
  return false;
}

function relevanceOf(text: string, offerStems: Set<string>, language: Language): number {
  const stems = contentStems(text, language);
  if (stems.size === 0) return 0;
  let shared = 0;
  for (const stem of stems) if (offerStems.has(stem)) shared += 1;
  const figure = /\d/.test(text) ? 0.15 : 0;
  return Math.min(1, shared / Math.max(3, Math.sqrt(stems.size) * 1.5) + figure);
}

/** Stems of everything the offer asks for (title, requirements, skills, missions, extra keywords). */
export function offerStems(offer: OfferProfile, extra: readonly string[], language: Language): Set<string> {
  const text = [
    offer.title ?? '',
    ...offer.mustHave,
    ...offer.niceToHave,
    ...offer.skills,
    ...offer.missions,
    ...extra,
  ].join(' \n ');
  return contentStems(text, language);
}

/** Lists the CV's usable facts with ids, phase (previous career vs transition) and relevance to the offer. */
export function extractBriefFacts(
  cv: CvProfile,
  offer: OfferProfile,
  input: { targetRole: string; extraTerms: readonly string[]; today: Date },
): BriefFact[] {
  const language = cv.language;
  const wanted = offerStems(offer, input.extraTerms, language);
  const targetStems = contentStems(`${offer.title ?? ''} ${input.targetRole}`, language);
  const currentYear = input.today.getUTCFullYear();
  const facts: BriefFact[] = [];
  cv.experiences.forEach((experience, i) => {
    const phase: Phase = isTransition(experience, targetStems, language) ? 'transition' : 'previous';
    const base = {
      employer: experience.employer,
      roleTitle: experience.title,
      period: experience.datesAsWritten,
      startYear: yearOf(experience.start),
      endYear: yearOf(experience.end),
      phase,
      recent: false,
    };
    const roleText = [experience.title, experience.employer, experience.datesAsWritten]
      .filter(Boolean)
      .join(' — ');
    facts.push({
      ...base,
      id: `E${i + 1}`,
      kind: 'role',
      text: roleText,
      numbers: [],
      relevance: relevanceOf(experience.title, wanted, language),
    });
    experience.facts.forEach((fact, j) => {
      const text = fact.trim().replace(/[\s.;,]+$/u, '');
      if (!text) return;
      facts.push({
        ...base,
        id: `E${i + 1}.${j + 1}`,
        kind: 'achievement',
        text,
        numbers: numbersIn(text),
        relevance: relevanceOf(text, wanted, language),
      });
    });
  });
  cv.education.forEach((education, i) => {
    const years = (education.datesAsWritten ?? '').match(/\d{4}/g)?.map(Number) ?? [];
    const last = years.length > 0 ? Math.max(...years) : null;
    const ongoing = /en cours|in progress|ongoing|present|présent|now/i.test(
      `${education.title} ${education.datesAsWritten ?? ''}`,
    );
    facts.push({
      id: `D${i + 1}`,
      kind: 'education',
      text: education.title,
      employer: education.institution,
      roleTitle: null,
      period: education.datesAsWritten,
      startYear: years.length > 0 ? Math.min(...years) : null,
      endYear: last,
      phase: null,
      numbers: [],
      relevance: relevanceOf(education.title, wanted, language),
      recent: ongoing || (last !== null && last >= currentYear - 3),
    });
  });
  cv.certifications.forEach((certification, i) => {
    facts.push({
      id: `C${i + 1}`,
      kind: 'certification',
      text: certification,
      employer: null,
      roleTitle: null,
      period: null,
      startYear: null,
      endYear: null,
      phase: null,
      numbers: [],
      relevance: relevanceOf(certification, wanted, language),
      // Certifications carry no date in most CVs; one that speaks to the offer counts as training.
      recent: relevanceOf(certification, wanted, language) > 0,
    });
  });
  cv.languages.forEach((spoken, i) => {
    facts.push({
      id: `L${i + 1}`,
      kind: 'language',
      text: spoken,
      employer: null,
      roleTitle: null,
      period: null,
      startYear: null,
      endYear: null,
      phase: null,
      numbers: [],
      relevance: relevanceOf(spoken, wanted, language),
      recent: false,
    });
  });
  cv.otherFacts.forEach((other, i) => {
    facts.push({
      id: `O${i + 1}`,
      kind: 'other',
      text: other.trim().replace(/[\s.;,]+$/u, ''),
      employer: null,
      roleTitle: null,
      period: null,
      startYear: null,
      endYear: null,
      phase: null,
      numbers: numbersIn(other),
      relevance: relevanceOf(other, wanted, language),
      recent: false,
    });
  });
  return facts;
}

/** A family of transferable skills, recognised by words of the CV fact and named in each language. */
interface Theme {
  key: string;
  triggers: RegExp;
  fr: string;
  en: string;
}

// Named the way a recruiter of the target job would name them: the reframing of the change.
const THEMES: readonly Theme[] = [
  {
    key: 'rigour',
    triggers:
      /protocol|qualit|hygi[eè]n|audit|contr[oô]l|proc[ée]dur|haccp|tra[cç]abilit|safety|s[ée]curit|compliance|incident|records|normes?\b|r[èe]gles?\b|checks?\b|regression|test/i,
    fr: 'la rigueur et le respect des procédures',
    en: 'rigour and respect for procedure',
  },
  {
    key: 'data',
    triggers:
      /tableau de bord|indicateur|donn[ée]es|chiffres|statisti|excel|reporting|dashboard|reports?\b|figures|kpi|nps|analy|suivi de|audience/i,
    fr: "l'analyse des chiffres",
    en: 'a habit of working from figures',
  },
  {
    key: 'people',
    triggers:
      /encadr|tutorat|tutor|\bled\b|managed|chef de|mentor|recrut|recruit|n[ée]gociateurs|collaborateurs|colleagues/i,
    fr: "l'encadrement et la transmission",
    en: 'people leadership and training',
  },
  {
    key: 'teaching',
    triggers:
      /formation|form[ée]|p[ée]dagog|atelier|trained|taught|train|webinar|workshop|ateliers|s[ée]quences|[ée]l[èe]ves|students/i,
    fr: 'la pédagogie',
    en: 'the knack of explaining things clearly',
  },
  {
    key: 'customer',
    triggers:
      /client|patient|usager|accueil|customer|complaint|service recovery|couverts|r[ée]sidents|lecteurs|acheteurs|vendeurs|b[ée]n[ée]ficiaires|salari[ée]/i,
    fr: 'le sens du service et de la relation',
    en: 'care for the people you serve',
  },
  {
    key: 'negotiation',
    triggers: /n[ée]goci|vente|remise|prospect|sales|negotiat|renewal|commercial|fournisseurs/i,
    fr: 'la négociation et la conviction',
    en: 'negotiation and persuasion',
  },
  {
    key: 'organisation',
    triggers:
      /coordin|organis|planning|planifi|logisti|gestion|rota|schedul|portefeuille|portfolio|budget|dossiers/i,
    fr: "l'organisation et la coordination",
    en: 'organisation and coordination',
  },
  {
    key: 'pressure',
    triggers:
      /urgence|r[ée]animation|tendu|m[ée]diation|pressure|conflict|escalat|crisis|crise|nuit|missions ext|acute|difficult/i,
    fr: 'le sang-froid dans les situations tendues',
    en: 'composure under pressure',
  },
  {
    key: 'communication',
    triggers:
      /r[ée]daction|pr[ée]sentation|restitution|reportage|article|writing|wrote|presenting|present|interview|entretien|information collective/i,
    fr: 'la communication écrite et orale',
    en: 'clear written and spoken communication',
  },
  {
    key: 'project',
    triggers:
      /lancement|refonte|migration|projet|launch|roll-out|project|d[ée]ploiement|cr[ée]ation|built|created|ported/i,
    fr: 'la conduite de projet',
    en: 'project delivery',
  },
];

/** True when a skill is one of the theme names above (they read after "m'a appris" / "taught me"). */
export function isThemeLabel(skill: string): boolean {
  return THEMES.some((theme) => theme.fr === skill || theme.en === skill);
}

/** The transferable-skill themes a fact shows, most specific first. */
export function themesOf(text: string): Theme[] {
  return THEMES.filter((theme) => theme.triggers.test(text));
}

/**
 * Transferable skills from the previous career: each relevant fact of the career being left, named
 * as the skill the target job needs. Deterministic; the LLM engine may reword, never add proof.
 */
export function suggestTransferableSkillsFromFacts(
  facts: readonly BriefFact[],
  offerText: string,
  language: Language,
  limit = 4,
): TransferableSkill[] {
  const offerFold = foldText(offerText);
  const candidates = facts
    .filter((f) => f.kind === 'achievement' && f.phase === 'previous')
    .concat(facts.filter((f) => f.kind === 'achievement' && f.phase === 'transition'));
  const used = new Set<string>();
  const scored: { skill: string; evidence: string; score: number }[] = [];
  for (const fact of candidates) {
    for (const theme of themesOf(fact.text)) {
      if (used.has(theme.key)) continue;
      // A theme the offer itself talks about ranks first: that is the objection the letter answers.
      const offerSpeaks = theme.triggers.test(offerFold) ? 1 : 0;
      const previous = fact.phase === 'previous' ? 0.5 : 0;
      scored.push({
        skill: theme[language],
        evidence: fact.text,
        score: offerSpeaks + previous + fact.relevance,
      });
      used.add(theme.key);
      break;
    }
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ skill, evidence }) => ({ skill, evidence }));
}
