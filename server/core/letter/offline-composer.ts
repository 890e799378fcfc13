/**
 * The offline writer: a complete cover letter from the brief alone, without any model. It follows
 * the brief's order (vous – moi – nous), quotes 2–3 CV facts as proof, reframes transferable
 * skills, shows the training, asks for an interview and closes with the brief's formula. Phrasing
 * comes from per-tone phrasebooks and is chosen by a hash of the brief: same brief, same letter.
 * Length is met by adding optional sentences by priority until the body reaches its target.
 * It never writes a fact that is not in the brief (CV facts, offer words, the user's answers).
 */

import { foldText } from '../text/fold';
import type { LetterBrief } from './brief';
import { titleInText } from './conventions';
import { type BriefFact, isThemeLabel } from './facts';
import {
  atOrganisation,
  capitalise,
  de,
  describeOrganisation,
  joinList,
  lowerFirst,
  lowerTerm,
  ofOrganisation,
  que,
  theOrganisation,
  trimFact,
  withIndefinite,
} from './grammar';
import type { PhraseContext, Template } from './phrasebook';
import { ENGLISH_PHRASES } from './phrases-en';
import { FRENCH_PHRASES } from './phrases-fr';
import { hashText, pickVariant } from './variation';

// Keywords that name a diploma or a course, not a skill one "uses" ("bootcamp", "BTS").
const TRAINING_WORDS =
  /^(bootcamp|bts|but|dut|cap|bac|master|licence|bachelor|diplôme|diploma|degree|titre professionnel|formation|certification|training)$/i;

/** A single word written with a capital inside a sentence of the sources is a name (Jira, Excel). */
function isProperNoun(term: string, sources: string): boolean {
  if (/\s/.test(term.trim())) return false;
  const escaped = term.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[\\p{Ll},;:] ${escaped}(?![\\p{L}])`, 'u').test(sources);
}

/** The composed letter, in parts (for display and tests) and as one text. */
export interface OfflineLetter {
  text: string;
  /** Date line and subject line. */
  header: string[];
  salutation: string;
  /** The body paragraphs, between the salutation and the closing. */
  paragraphs: string[];
  closing: string;
  signature: string | null;
  /** Words in the body paragraphs. */
  bodyWords: number;
  /** Ids of the brief facts the letter quotes. */
  usedFactIds: string[];
}

/** Words as a reader counts them: tokens with a letter or a digit ("d'infirmier" is one). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

interface Candidate {
  text: string;
  /** 0 = always; then the lower, the earlier it is added to reach the target length. */
  priority: number;
  paragraph: number;
  order: number;
  factIds: string[];
}

// English bullets that start with a verb read as "I led…", "I manage…" once the verb is lower-cased.
const ENGLISH_VERBS = new Set(
  'led ran wrote reduced trained handled used built taught ported profiled managed recruited cut designed prepare prepared keep kept resolve resolved track tracked run manage joined created delivered launched improved organised organized coordinated developed supported analysed analyzed implemented introduced increased mentored negotiated planned presented produced set won worked achieved advised helped oversaw processed tested maintained contributed grew sold opened closed drove owned shipped automated migrated'.split(
    ' ',
  ),
);

function startsWithVerb(fact: string): boolean {
  const first = (fact.split(/\s+/)[0] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return ENGLISH_VERBS.has(first);
}

function prepareAnswer(answer: string, language: 'fr' | 'en'): string {
  const trimmed = trimFact(answer).replace(/\s+/g, ' ');
  if (language === 'en' && /^I\b/.test(trimmed)) return trimmed;
  return lowerFirst(trimmed);
}

function stripOngoing(text: string): string {
  return text.replace(/\s*\((?:en cours|in progress|ongoing)\)/gi, '').trim();
}

function bridgeRole(facts: readonly BriefFact[]): BriefFact | null {
  const roles = facts.filter((f) => f.kind === 'role');
  const previous = roles.filter((f) => f.phase === 'previous');
  const pool = previous.length > 0 ? previous : roles;
  const sorted = [...pool].sort(
    (a, b) => (b.endYear ?? 9999) - (a.endYear ?? 9999) || (b.startYear ?? 0) - (a.startYear ?? 0),
  );
  return sorted[0] ?? null;
}

function frenchPastClause(role: BriefFact | null, from: string): string {
  if (!role?.roleTitle) return `j'ai exercé comme ${from}`;
  const { startYear: start, endYear: end } = role;
  const ongoing = start !== null && end === null;
  const period =
    start !== null && end !== null
      ? start === end
        ? `en ${start}`
        : `de ${start} à ${end}`
      : ongoing
        ? `depuis ${start}`
        : '';
  const at = role.employer ? atOrganisation(describeOrganisation(role.employer)) : '';
  const title = titleInText(role.roleTitle);
  const verb = ongoing ? `j'exerce comme ${title}` : `j'ai exercé comme ${title}`;
  return [period, at, verb].filter(Boolean).join(', ');
}

function englishTitle(title: string): string {
  const lowered = titleInText(title);
  // Capitalised titles read as a post ("as Store Manager"); common nouns take an article.
  return /^\p{Ll}/u.test(lowered) ? withIndefinite(lowered) : lowered;
}

function englishPastClause(role: BriefFact | null, ofFrom: string): string {
  if (!role?.roleTitle) return `I worked as ${ofFrom}`;
  const { startYear: start, endYear: end } = role;
  const ongoing = start !== null && end === null;
  const period =
    start !== null && end !== null
      ? start === end
        ? `in ${start} `
        : `from ${start} to ${end} `
      : ongoing
        ? `since ${start} `
        : '';
  const verb = ongoing ? 'I have worked' : 'I worked';
  const at = role.employer ? ` at ${role.employer}` : '';
  return `${period}${verb}${at} as ${englishTitle(role.roleTitle)}`;
}

function buildContext(
  brief: LetterBrief,
  bridge: BriefFact | null,
  learnedSkill: string | null,
): PhraseContext {
  const from = brief.careerChange.from.trim();
  if (brief.language === 'fr') {
    const role = titleInText(brief.target.role);
    const org = brief.target.company ? describeOrganisation(brief.target.company) : null;
    const fromText = titleInText(from);
    return {
      role,
      post: `poste ${de(role)}`,
      company: org ? theOrganisation(org) : 'votre structure',
      ofCompany: org ? ofOrganisation(org) : 'de votre structure',
      atCompany: org ? atOrganisation(org) : 'dans votre structure',
      from: fromText,
      ofFrom: de(fromText),
      pastClause: frenchPastClause(bridge, fromText),
      learnedSkill,
    };
  }
  const company = brief.target.company;
  const ofFrom = withIndefinite(from);
  return {
    role: brief.target.role,
    post: `the ${brief.target.role} role`,
    company: company ?? 'your organisation',
    ofCompany: company ? `of ${company}` : 'of your organisation',
    atCompany: company ? `at ${company}` : 'in your organisation',
    from,
    ofFrom,
    pastClause: englishPastClause(bridge, ofFrom),
    learnedSkill,
  };
}

/** Composes the letter and returns its parts, the body's word count and the facts it used. */
export function composeOfflineLetterParts(brief: LetterBrief): OfflineLetter {
  const { language } = brief;
  const fr = language === 'fr';
  const book = fr ? FRENCH_PHRASES : ENGLISH_PHRASES;
  const phrases = book.tones[brief.tone];
  const shared = book.shared;
  // The sources do not change the letter; leaving them out keeps the seed cheap and stable.
  const seed = hashText(JSON.stringify({ ...brief, sources: undefined }));
  const pick = <T>(variants: readonly T[], slot: string): T => pickVariant(variants, seed, slot);
  const use = (templates: readonly Template[], slot: string, c: PhraseContext, item = '', extra = '') =>
    pick(templates, slot)(c, item, extra);

  const factsById = new Map(brief.facts.map((f) => [f.id, f]));
  const bridge = bridgeRole(brief.facts);
  const proofs = brief.proofIds.map((id) => factsById.get(id)).filter((f): f is BriefFact => !!f);
  const proofTexts = new Set(proofs.map((f) => f.text));
  const themeSkill = brief.transferableSkills.find((s) => isThemeLabel(s.skill)) ?? null;
  const c = buildContext(brief, bridge, themeSkill?.skill ?? null);
  const colon = fr ? ' : ' : ': ';
  const quote = (text: string) => (fr ? `« ${text} »` : `“${text}”`);

  const candidates: Candidate[] = [];
  const add = (paragraph: number, priority: number, text: string, factIds: string[] = []) => {
    candidates.push({ text, priority, paragraph, order: candidates.length, factIds });
  };

  let lastEmployer: string | null = bridge?.employer ?? null;
  const leadFor = (fact: BriefFact, first: boolean): string => {
    const previous = lastEmployer;
    lastEmployer = fact.employer;
    if (first && bridge && fact.employer === bridge.employer && fact.roleTitle === bridge.roleTitle)
      return '';
    if (fact.employer) {
      const at = fr ? atOrganisation(describeOrganisation(fact.employer)) : `at ${fact.employer}`;
      // A second fact from the same employer says so instead of repeating the lead word for word.
      if (fact.employer === previous) return fr ? `toujours ${at}` : `also ${at}`;
      return at;
    }
    if (fact.roleTitle) {
      return fr ? `en tant ${que(titleInText(fact.roleTitle))}` : `as ${englishTitle(fact.roleTitle)}`;
    }
    return '';
  };
  const proofSentence = (fact: BriefFact, index: number): string => {
    const text = trimFact(fact.text);
    const lead = fact.kind === 'achievement' || fact.kind === 'role' ? leadFor(fact, index === 0) : '';
    if (!fr && fact.kind === 'achievement' && startsWithVerb(text)) {
      const clause = `I ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
      return lead
        ? `${capitalise(lead)}, ${clause}.`
        : `${capitalise(pick(phrases.proofIntro, `proof-${index}`))}${colon}${clause}.`;
    }
    if (fact.kind === 'achievement' && index % 2 === 0) {
      const intro = pick(phrases.proofIntro, `proof-${index}`);
      return `${capitalise(lead ? `${lead}, ${intro}` : intro)}${colon}${lowerFirst(text)}.`;
    }
    const intro = pick(shared.quoteIntro, `quote-${index}`);
    return `${capitalise(lead ? `${lead}, ${intro}` : intro)}${colon}${quote(text)}.`;
  };

  // 1. Vous: the company and the role, why them.
  add(0, 0, use(phrases.opening, 'opening', c));
  if (brief.answers.whyCompany) {
    add(0, 1, use(shared.whyCompany, 'why', c, prepareAnswer(brief.answers.whyCompany, language)));
  }
  const values = brief.register.values.slice(0, 3).map((v) => (fr ? lowerTerm(v) : quote(v.trim())));
  if (values.length > 0) add(0, 3, use(shared.values, 'values', c, joinList(values, language)));
  // Words of the offer not already quoted as its values: saying the same words twice reads as filler.
  const valueKeys = new Set(brief.register.values.slice(0, 3).map(foldText));
  // Single nouns ("tests", "software") say nothing about a way of working: only phrases qualify.
  const freshWords = brief.register.wordsToReuse.filter(
    (w) => !valueKeys.has(foldText(w)) && w.trim().includes(' '),
  );
  if (freshWords.length >= 2) {
    const words = joinList(freshWords.slice(0, 3).map(quote), language);
    add(
      0,
      3,
      fr
        ? `Les mots de votre annonce, ${words}, décrivent une façon de travailler qui me correspond.`
        : `Words from your advert such as ${words} describe a way of working that suits me.`,
    );
  }
  const missions = brief.offer.missions.map(trimFact).filter((m) => m.length > 0 && m.length < 220);
  if (missions[0]) add(0, 5, use(shared.mission, 'mission-1', c, missions[0]));

  // 2. Moi: the bridge from the previous career, with proofs.
  add(1, 0, use(c.learnedSkill ? phrases.bridgeWithSkill : phrases.bridge, 'bridge', c));
  proofs.forEach((fact, index) => {
    if (index === 1) add(1, 2, use(phrases.reframe, 'reframe', c));
    add(index < 2 ? 1 : 2, index < 2 ? 0 : 3, proofSentence(fact, index), [fact.id]);
  });

  // 3. Moi: transferable skills reframed, the offer's keywords, the proud moment.
  const sourceText = `${brief.sources?.cvText ?? ''}\n${brief.sources?.offerText ?? ''}`;
  const roleKey = foldText(brief.target.role);
  const keywords = brief.keywordsToCover
    .filter((k) => !TRAINING_WORDS.test(k.trim()) && !roleKey.includes(foldText(k)))
    .slice(0, 6)
    .map((k) => (isProperNoun(k, sourceText) ? k.trim() : lowerTerm(k)));
  if (keywords.length > 0) add(2, 1, use(shared.keywords, 'keywords', c, joinList(keywords, language)));
  const skills = brief.transferableSkills.filter((s) => s !== themeSkill && !proofTexts.has(s.evidence));
  skills.slice(0, 3).forEach((skill, index) => {
    const evidence = brief.facts.find((f) => f.text === skill.evidence);
    add(
      2,
      [2, 5, 7][index] ?? 7,
      use(shared.skill, `skill-${index}`, c, lowerFirst(skill.skill.trim()), trimFact(skill.evidence)),
      evidence ? [evidence.id] : [],
    );
  });
  if (brief.answers.proudMoment) {
    add(2, 2, use(shared.proud, 'proud', c, prepareAnswer(brief.answers.proudMoment, language)));
  }
  const used = new Set([...proofTexts, ...skills.map((s) => s.evidence)]);
  const extras = brief.facts
    .filter((f) => f.kind === 'achievement' && !used.has(f.text))
    .sort((a, b) => b.relevance - a.relevance)
    .slice(0, 3);
  add(2, 4, use(phrases.narrative, 'narrative-1', c));

  // 4. Moi: training and what is being learnt now.
  const training = brief.trainingIds.map((id) => factsById.get(id)).filter((f): f is BriefFact => !!f);
  training.forEach((fact, index) => {
    const priority = index === 0 ? 1 : 4;
    if (fact.kind === 'certification') {
      add(3, priority, use(shared.trainingCertification, `training-${index}`, c, trimFact(fact.text)), [
        fact.id,
      ]);
      return;
    }
    const ongoing = /en cours|in progress|ongoing/i.test(`${fact.text} ${fact.period ?? ''}`);
    const period = fact.period ? stripOngoing(fact.period) : '';
    const item = `${stripOngoing(fact.text)}${fact.employer ? `, ${fact.employer}` : ''}${period ? ` (${period})` : ''}`;
    add(3, priority, use(ongoing ? shared.trainingOngoing : shared.training, `training-${index}`, c, item), [
      fact.id,
    ]);
  });
  if (brief.answers.learningNow) {
    add(3, 1, use(shared.learning, 'learning', c, prepareAnswer(brief.answers.learningNow, language)));
  }
  add(3, 6, use(phrases.narrative, 'narrative-2', c));

  // 5. Nous: what we will do together, and the interview.
  add(4, 2, use(phrases.together, 'together', c));
  if (missions[1]) add(4, 6, use(shared.mission, 'mission-2', c, missions[1]));
  add(4, 0, use(phrases.call, 'call', c));
  // The call to an interview ends the body whatever reserve sentences join its paragraph.
  const call = candidates[candidates.length - 1];
  if (call) call.order = Number.MAX_SAFE_INTEGER;

  // Reserve sentences, used only when a thin CV leaves the body short of its target.
  extras.forEach((fact, index) => {
    add(2, 5 + index, proofSentence(fact, index + 3), [fact.id]);
  });
  const otherRoles = brief.facts.filter((f) => f.kind === 'role' && f !== bridge && f.phase === 'previous');
  otherRoles.slice(0, 2).forEach((role, index) => {
    const clause = fr ? frenchPastClause(role, c.from) : englishPastClause(role, c.ofFrom);
    add(1, 5 + index, fr ? `Auparavant, ${clause}.` : `Before that, ${clause}.`, [role.id]);
  });
  const keywordKeys = new Set(keywords.map((k) => k.toLowerCase()));
  const otherSkills = brief.skills.filter((s) => !keywordKeys.has(s.toLowerCase())).slice(0, 6);
  if (otherSkills.length >= 2) {
    const list = joinList(otherSkills.map(lowerTerm), language);
    add(
      2,
      6,
      fr
        ? `Mon parcours m'a aussi donné d'autres atouts utiles au poste : ${list}.`
        : `My background also gives me other assets useful in the role: ${list}.`,
    );
  }
  const trainingIds = new Set(brief.trainingIds);
  brief.facts
    .filter((f) => f.kind === 'education' && !trainingIds.has(f.id))
    .slice(0, 1)
    .forEach((fact) => {
      const item = `${fact.text}${fact.employer ? `, ${fact.employer}` : ''}`;
      add(3, 7, fr ? `Ma formation initiale : ${item}.` : `My initial education: ${item}.`, [fact.id]);
    });
  brief.facts
    .filter((f) => f.kind === 'other')
    .slice(0, 1)
    .forEach((fact) => {
      const text = quote(trimFact(fact.text));
      add(
        3,
        7,
        fr
          ? `En dehors du travail, je retiens aussi ceci : ${text}.`
          : `Outside work, I would add this: ${text}.`,
        [fact.id],
      );
    });
  if (missions[2]) add(4, 8, use(shared.mission, 'mission-3', c, missions[2]));
  addDistinct(candidates, phrases.narrative, c, 2, 8);
  addDistinct(candidates, phrases.together, c, 4, 8);
  addDistinct(candidates, phrases.reframe, c, 2, 9);

  const chosen = selectForLength(candidates, brief.targetWords);
  const paragraphs = [0, 1, 2, 3, 4]
    .map((p) =>
      chosen
        .filter((s) => s.paragraph === p)
        .map((s) => s.text)
        .join(' '),
    )
    .filter((p) => p.length > 0);
  const { conventions } = brief;
  const header = [
    conventions.placeDateLine,
    ...(conventions.attentionLine ? [conventions.attentionLine] : []),
    conventions.subjectLine,
  ];
  const parts = [...header, conventions.salutation, ...paragraphs];
  const signature = conventions.signature;
  const ending = fr
    ? [conventions.closing, ...(signature ? [signature] : [])].join('\n\n')
    : [conventions.closing, ...(signature ? [signature] : [])].join('\n');
  const text = `${[...parts, ending].join('\n\n')}\n`;
  return {
    text,
    header,
    salutation: conventions.salutation,
    paragraphs,
    closing: conventions.closing,
    signature,
    bodyWords: countWords(paragraphs.join(' ')),
    usedFactIds: [...new Set(chosen.flatMap((s) => s.factIds))],
  };
}

// Adds the variants of a slot that the letter does not already contain, as low-priority reserve.
function addDistinct(
  candidates: Candidate[],
  templates: readonly Template[],
  c: PhraseContext,
  paragraph: number,
  priority: number,
): void {
  const present = new Set(candidates.map((s) => s.text));
  for (const template of templates) {
    const text = template(c, '', '');
    if (present.has(text)) continue;
    candidates.push({ text, priority, paragraph, order: candidates.length, factIds: [] });
    present.add(text);
  }
}

/**
 * Required sentences always; optional ones by priority while the body stays under the target
 * (+3 %); if it is still short of −10 %, more may go up to +18 %, so that the result lands within ±20 %.
 */
function selectForLength(candidates: readonly Candidate[], target: number): Candidate[] {
  const words = new Map(candidates.map((s) => [s, countWords(s.text)]));
  const chosen = new Set(candidates.filter((s) => s.priority === 0));
  let total = [...chosen].reduce((sum, s) => sum + (words.get(s) ?? 0), 0);
  const optional = candidates
    .filter((s) => s.priority > 0)
    .sort((a, b) => a.priority - b.priority || a.order - b.order);
  for (const limit of [target * 1.03, target * 1.18]) {
    for (const sentence of optional) {
      if (chosen.has(sentence)) continue;
      if (limit > target * 1.03 && total >= target * 0.9) break;
      const count = words.get(sentence) ?? 0;
      if (total + count <= limit) {
        chosen.add(sentence);
        total += count;
      }
    }
  }
  return candidates
    .filter((s) => chosen.has(s))
    .sort((a, b) => a.paragraph - b.paragraph || a.order - b.order);
}

/** Composes a complete letter from the brief (same brief, same letter). */
export function composeOfflineLetter(brief: LetterBrief): string {
  return composeOfflineLetterParts(brief).text;
}
