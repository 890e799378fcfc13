import { analyzeOffer } from '../ats';
import { spanOfHit } from '../ats/text-index';
import { getTaxonomy, type Occupation, type Skill, skillsOfOccupation } from '../taxonomy';
import { type Language, SKILL_ALIAS_GROUPS } from '../text';
import type { Importance } from './schemas';
import { stemKey } from './skill-matcher';

/** Priority tiers, most important first: they order gaps and transferable skills. */
export const TIERS = {
  offerMust: 0,
  essentialInOffer: 1,
  essential: 2,
  offerNice: 3,
  optionalInOffer: 4,
  optional: 5,
} as const;

/** A skill the target occupation or the offer asks for, with the phrases that name it. */
export interface TargetSkill {
  key: string;
  skillId: string | null;
  labelFr: string;
  labelEn: string;
  /** The offer's wording, when the offer asks for it. */
  offerTerm: string | null;
  /** Its names (labels, aliases), to merge an offer's requirement with the occupation's skill. */
  names: string[];
  /** Every phrase to look for in a text: the names plus tool names that prove it. */
  phrases: string[];
  importance: Importance;
  fromOffer: boolean;
  fromOccupation: boolean;
  kind: 'hard' | 'soft' | 'education' | 'other';
  tier: number;
  /** Position in its source list, for stable ordering within a tier. */
  order: number;
}

// ESCO names the activity, CVs name the tool: these terms prove the activity.
const TOOL_EVIDENCE: Record<string, readonly string[]> = {
  'query languages': ['SQL', 'PostgreSQL', 'MySQL', 'requêtes SQL'],
  'use databases': ['SQL', 'PostgreSQL', 'MySQL', 'base de données'],
  database: ['SQL', 'PostgreSQL', 'MySQL', 'base de données'],
  'use spreadsheets software': ['Excel', 'tableur', 'Google Sheets'],
  'business intelligence': ['Power BI', 'Tableau', 'Looker', 'Qlik'],
  'visual presentation techniques': [
    'tableau de bord',
    'tableaux de bord',
    'dashboard',
    'data visualisation',
  ],
  'deliver visual presentation of data': ['tableau de bord', 'tableaux de bord', 'dashboard', 'Power BI'],
  'perform data cleansing': ['nettoyage de données', 'data cleaning'],
  'report analysis results': ['restitution des résultats', 'présentation des indicateurs', 'reporting'],
  'develop automated software tests': ['Selenium', 'Cypress', 'Playwright', 'automated tests'],
  'tools for ICT test automation': ['Selenium', 'Cypress', 'Playwright'],
  'execute software tests': ['manual testing', 'regression testing', 'test cases', 'tests manuels'],
  'report test findings': ['bug reports', 'defects logged', 'incident reports'],
  'software anomalies': ['defects', 'bugs', 'anomalies'],
  'Agile project management': ['Agile', 'Scrum'],
  'use scripting programming': ['Python', 'JavaScript', 'Bash'],
  'computer programming': ['Python', 'JavaScript', 'Java'],
};

// A degree level is no skill to train for; the assessment step weighs it against the CV.
const DEGREE_LEVEL = /\b(?:bac\s*\+\s*\d|niveau bac|degree|bachelor|master|licence|level \d)\b/i;
// How many alternative labels of one skill are searched: ESCO lists run long and loose.
const MAX_ALTERNATIVES = 6;

const skillKind = (skill: Skill): TargetSkill['kind'] => (skill.kind === 'soft' ? 'soft' : 'hard');

/** The names of a skill: labels, a few alternatives, alias variants (no tool names: those only prove it). */
function namesOfSkill(skill: Skill): string[] {
  const aliasGroup = skill.id.startsWith('alias:')
    ? SKILL_ALIAS_GROUPS.find((group) => `alias:${group.id}` === skill.id)
    : undefined;
  return [
    skill.labelFr,
    skill.labelEn,
    ...skill.altFr.slice(0, MAX_ALTERNATIVES),
    ...skill.altEn.slice(0, MAX_ALTERNATIVES),
    ...(aliasGroup ? [...aliasGroup.en, ...aliasGroup.fr] : []),
  ].filter((phrase) => phrase.trim().length > 0);
}

function phrasesOfSkill(skill: Skill): string[] {
  return [...namesOfSkill(skill), ...(TOOL_EVIDENCE[skill.labelEn] ?? [])];
}

function skillFromId(id: string | undefined): Skill | undefined {
  return id ? getTaxonomy().getSkill(id) : undefined;
}

/** Stem keys of every name of a target skill, in both languages, to merge offer and taxonomy entries. */
function keysOf(phrases: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const phrase of phrases) {
    for (const language of ['fr', 'en'] as const) {
      const key = stemKey(phrase, language);
      if (key) keys.add(`${language}:${key}`);
    }
  }
  return keys;
}

/** The target occupation's skills, essential then optional (optional ones only when few). */
function occupationSkills(occupation: Occupation | undefined): TargetSkill[] {
  if (!occupation) return [];
  const { essential, optional } = skillsOfOccupation(occupation);
  const entries: TargetSkill[] = [];
  const add = (skill: Skill, importance: Importance, order: number) => {
    entries.push({
      key: skill.id,
      skillId: skill.id,
      labelFr: skill.labelFr || skill.labelEn,
      labelEn: skill.labelEn || skill.labelFr,
      offerTerm: null,
      names: namesOfSkill(skill),
      phrases: phrasesOfSkill(skill),
      importance,
      fromOffer: false,
      fromOccupation: true,
      kind: skillKind(skill),
      tier: importance === 'essential' ? TIERS.essential : TIERS.optional,
      order,
    });
  };
  essential.forEach((skill, order) => {
    add(skill, 'essential', order);
  });
  optional.forEach((skill, order) => {
    add(skill, 'optional', essential.length + order);
  });
  return entries;
}

interface OfferRequirement {
  term: string;
  skillId: string | undefined;
  required: boolean;
  category: TargetSkill['kind'];
  /** Character spans of its mentions in the offer. */
  spans: { start: number; end: number }[];
  order: number;
}

function offerRequirements(offerText: string | undefined): { items: OfferRequirement[]; language: Language } {
  if (!offerText?.trim()) return { items: [], language: 'fr' };
  const analysis = analyzeOffer(offerText);
  const items: OfferRequirement[] = [];
  analysis.keywords.keywords.forEach((keyword, position) => {
    if (keyword.category === 'title' || keyword.section === 'company') return;
    // Context mentions (missions, blurb) are not requirements unless the taxonomy knows the skill.
    const requirement = keyword.section === 'must' || keyword.section === 'nice';
    if (!requirement && !keyword.skillId) return;
    if (keyword.category === 'education' && DEGREE_LEVEL.test(keyword.term)) return;
    items.push({
      term: keyword.term,
      skillId: keyword.skillId,
      required: keyword.section === 'must',
      category: keyword.category,
      spans: (analysis.occurrences[position] ?? []).map((hit) => spanOfHit(analysis.index, hit)),
      order: keyword.firstOffset,
    });
  });
  items.sort((a, b) => a.order - b.order || a.term.localeCompare(b.term));
  return { items, language: analysis.keywords.language };
}

/** Everything the target asks for: the offer's requirements merged with the occupation's skills. */
export interface TargetSkills {
  skills: TargetSkill[];
  offerLanguage: Language;
  /** Pairs of offer terms given as alternatives ("Jira or a similar tracker"). */
  alternatives: Map<string, Set<string>>;
}

export function collectTargetSkills(
  occupation: Occupation | undefined,
  offerText: string | undefined,
): TargetSkills {
  const fromOccupation = occupationSkills(occupation);
  const keyed = fromOccupation.map((skill) => ({ skill, keys: keysOf(skill.names) }));
  const { items, language } = offerRequirements(offerText);
  const offerSkills: TargetSkill[] = [];
  for (const item of items) {
    const known = skillFromId(item.skillId);
    const phrases = [item.term, ...(known ? phrasesOfSkill(known) : [])];
    const keys = keysOf([item.term, ...(known ? [known.labelEn, known.labelFr] : [])]);
    const twin = keyed.find(
      ({ skill, keys: skillKeys }) =>
        (item.skillId !== undefined && skill.skillId === item.skillId) ||
        [...keys].some((key) => skillKeys.has(key)),
    );
    const importance: Importance = item.required ? 'essential' : 'optional';
    if (twin) {
      // The offer confirms the occupation's skill: it ranks with the offer and keeps the offer's words.
      const skill = twin.skill;
      skill.fromOffer = true;
      skill.offerTerm ??= item.term;
      skill.phrases = [...new Set([...phrases, ...skill.phrases])];
      if (importance === 'essential') skill.importance = 'essential';
      skill.tier = Math.min(skill.tier, item.required ? TIERS.offerMust : TIERS.offerNice);
      continue;
    }
    const duplicate = offerSkills.find((skill) =>
      [...keysOf([skill.offerTerm ?? ''])].some((key) => keys.has(key)),
    );
    if (duplicate) continue;
    offerSkills.push({
      key: item.skillId ?? `offer:${item.term.toLowerCase()}`,
      skillId: item.skillId ?? null,
      labelFr: known?.labelFr || item.term,
      labelEn: known?.labelEn || item.term,
      offerTerm: item.term,
      names: [item.term, ...(known ? namesOfSkill(known) : [])],
      phrases: [...new Set(phrases)],
      importance,
      fromOffer: true,
      fromOccupation: false,
      kind: item.category,
      tier: item.required ? TIERS.offerMust : TIERS.offerNice,
      order: item.order,
    });
  }
  const skills = [...offerSkills, ...fromOccupation];
  return { skills, offerLanguage: language, alternatives: findAlternatives(offerText ?? '', items) };
}

/** Marks occupation skills the offer mentions in passing (they rank above the others). */
export function promoteMentioned(skills: TargetSkill[], mentioned: (skill: TargetSkill) => boolean): void {
  for (const skill of skills) {
    if (skill.fromOffer || !mentioned(skill)) continue;
    skill.tier = skill.importance === 'essential' ? TIERS.essentialInOffer : TIERS.optionalInOffer;
  }
}

// Two requirements joined by "or"/"ou" within a short span are alternatives: one of them is enough.
const ALTERNATIVE_GAP = /^[^,;.:!?\n]{0,30}$/;
const DISJUNCTION = /(?:^|\s)(?:or|ou)(?:\s|$)/i;

function findAlternatives(offerText: string, items: readonly OfferRequirement[]): Map<string, Set<string>> {
  const alternatives = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = alternatives.get(a) ?? new Set<string>();
    set.add(b);
    alternatives.set(a, set);
  };
  for (const first of items) {
    for (const second of items) {
      if (first === second) continue;
      const joined = first.spans.some((a) =>
        second.spans.some((b) => {
          if (b.start < a.end) return false;
          const between = offerText.slice(a.end, b.start);
          return ALTERNATIVE_GAP.test(between) && DISJUNCTION.test(between);
        }),
      );
      if (joined) {
        link(first.term, second.term);
        link(second.term, first.term);
      }
    }
  }
  return alternatives;
}
