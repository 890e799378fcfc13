import { AppError } from '../errors';
import { getTaxonomy, splitGenderedLabel } from '../taxonomy';
import { detectLanguage, type Language, SKILL_ALIAS_GROUPS } from '../text';
import { analyzeOffer } from './extract-offer-keywords';
import {
  type AtsDocument,
  type AtsInput,
  AtsInputSchema,
  type AtsReport,
  type BreakdownLine,
  type CvFileReport,
  type FreeAtsReport,
  type KeywordCategory,
  type KeywordMatch,
  type KeywordResult,
  type MatchKind,
  type MissingKeyword,
  type OfferKeyword,
  type ParseabilityIssue,
  type Suggestion,
} from './schemas';
import {
  findPhrase,
  findScattered,
  type IndexedText,
  indexText,
  type PhraseHit,
  type PhraseWords,
  spanOfHit,
  toPhraseWords,
} from './text-index';

/** Share of the score each category carries when the offer has keywords of every category. */
export const CATEGORY_WEIGHTS: Record<KeywordCategory, number> = {
  hard: 0.45,
  title: 0.15,
  education: 0.15,
  other: 0.15,
  soft: 0.1,
};

/** Credit a keyword earns by how it was found. */
export const MATCH_CREDITS: Record<MatchKind, number> = {
  exact: 1,
  stem: 0.9,
  alias: 0.9,
  taxonomy: 0.7,
  partial: 0.4,
};
// Same stems, but scattered over a few words ("automated UI tests" for "test automation").
const SCATTERED_CREDIT = 0.8;
// Below this credit a keyword is reported as missing (a taxonomy match counts as found).
const MISSING_BELOW = 0.7;
const MAX_MATCHES_PER_DOCUMENT = 3;
/** Keywords a category needs to carry its full base weight. */
export const FULL_CATEGORY_COUNT = 3;

/** Fraction of the keyword score a layout problem costs (ATS parsers lose or scramble that text). */
export const PARSEABILITY_PENALTIES = {
  columns: 0.05,
  tables: 0.05,
  headerFooterText: 0.03,
  imageOnlyPage: 0.1,
};
const MAX_PARSEABILITY_PENALTY = 0.3;

const CATEGORIES: KeywordCategory[] = ['hard', 'soft', 'title', 'education', 'other'];

// toPhraseWords of alias variants and taxonomy labels repeats across calls: a bounded memo.
const phraseCache = new Map<string, PhraseWords>();
function phraseOf(text: string, language: Language): PhraseWords {
  const key = `${language}\u0000${text}`;
  let words = phraseCache.get(key);
  if (!words) {
    words = toPhraseWords(text, language);
    if (phraseCache.size > 20_000) phraseCache.clear();
    phraseCache.set(key, words);
  }
  return words;
}

const ALIAS_BY_ID = new Map(SKILL_ALIAS_GROUPS.map((group) => [group.id, group]));

/** Other names of a keyword: alias variants, then taxonomy labels (skill or occupation). */
function alternativeNames(keyword: OfferKeyword): { alias: string[]; taxonomy: string[] } {
  const alias: string[] = [];
  const taxonomy: string[] = [];
  const id = keyword.skillId ?? '';
  if (id.startsWith('alias:')) {
    const group = ALIAS_BY_ID.get(id.slice(6));
    if (group) alias.push(...group.en, ...group.fr);
  } else if (id) {
    const skill = getTaxonomy().getSkill(id);
    if (skill) taxonomy.push(skill.labelEn, skill.labelFr, ...skill.altEn, ...skill.altFr);
  }
  if (keyword.category === 'title') {
    const occupation = getTaxonomy().findOccupation(keyword.term);
    if (occupation) {
      for (const label of [occupation.labelEn, occupation.labelFr, ...occupation.altLabels]) {
        // One-word job labels ("analyste", "agent") would match any CV.
        for (const form of splitGenderedLabel(label)) if (form.includes(' ')) taxonomy.push(form);
      }
    }
  }
  const clean = (names: string[]) => [...new Set(names.filter((name) => name.trim().length > 1))];
  return { alias: clean(alias), taxonomy: clean(taxonomy) };
}

interface DocumentMatch {
  kind: MatchKind;
  credit: number;
  hits: PhraseHit[];
}

/** Best way a keyword occurs in one document, or undefined. */
function matchInDocument(
  keyword: OfferKeyword,
  names: ReturnType<typeof alternativeNames>,
  doc: IndexedText,
): DocumentMatch | undefined {
  const phrase = phraseOf(keyword.term, doc.language);
  let hits = findPhrase(doc, phrase, 'fold');
  if (hits.length > 0) return { kind: 'exact', credit: MATCH_CREDITS.exact, hits };
  hits = findPhrase(doc, phrase, 'stem');
  if (hits.length > 0) return { kind: 'stem', credit: MATCH_CREDITS.stem, hits };
  for (const [kind, list] of [
    ['alias', names.alias],
    ['taxonomy', names.taxonomy],
  ] as const) {
    for (const name of list) {
      const words = phraseOf(name, doc.language);
      hits = findPhrase(doc, words, 'fold');
      if (hits.length === 0) hits = findPhrase(doc, words, 'stem');
      if (hits.length > 0) return { kind, credit: MATCH_CREDITS[kind], hits };
    }
  }
  if (phrase.stems.length >= 2) {
    hits = findScattered(doc, phrase, 1);
    if (hits.length > 0) return { kind: 'stem', credit: SCATTERED_CREDIT, hits };
    hits = findScattered(doc, phrase, 0.5);
    if (hits.length > 0) return { kind: 'partial', credit: MATCH_CREDITS.partial, hits };
  }
  return undefined;
}

function toMatches(doc: IndexedText, document: AtsDocument, found: DocumentMatch): KeywordMatch[] {
  return found.hits.slice(0, MAX_MATCHES_PER_DOCUMENT).map((hit) => {
    const { start, end } = spanOfHit(doc, hit);
    const sentence = doc.sentences[doc.words[hit.first]?.sentence ?? 0];
    return {
      document,
      kind: found.kind,
      text: doc.text.slice(start, end),
      start,
      end,
      sentence: sentence?.text ?? '',
    };
  });
}

function assessParseability(report: CvFileReport): {
  factor: number;
  score: number;
  issues: ParseabilityIssue[];
} {
  const issues: ParseabilityIssue[] = [];
  if (report.columns) {
    issues.push({
      code: 'columns',
      penalty: PARSEABILITY_PENALTIES.columns,
      message: {
        fr: 'Mise en page en colonnes : un ATS peut mélanger les blocs. Préférez une seule colonne.',
        en: 'Multi-column layout: an ATS may interleave the blocks. Prefer a single column.',
      },
    });
  }
  if (report.tables) {
    issues.push({
      code: 'tables',
      penalty: PARSEABILITY_PENALTIES.tables,
      message: {
        fr: 'Tableaux : leur contenu est souvent mal lu. Remplacez-les par des listes.',
        en: 'Tables: their content is often misread. Replace them with lists.',
      },
    });
  }
  if (report.headerFooterText) {
    issues.push({
      code: 'header_footer_text',
      penalty: PARSEABILITY_PENALTIES.headerFooterText,
      message: {
        fr: "Texte dans l'en-tête ou le pied de page : souvent ignoré. Placez vos coordonnées dans le corps du CV.",
        en: 'Text in the header or footer is often skipped. Put your contact details in the body.',
      },
    });
  }
  const imagePages = report.imageOnlyPages ?? 0;
  if (imagePages > 0) {
    issues.push({
      code: 'image_only_pages',
      penalty: PARSEABILITY_PENALTIES.imageOnlyPage * imagePages,
      message: {
        fr: `${imagePages} page(s) sans texte (image ou scan) : un ATS ne peut pas les lire. Exportez un PDF texte.`,
        en: `${imagePages} page(s) without text (image or scan): an ATS cannot read them. Export a text PDF.`,
      },
    });
  }
  const penalty = Math.min(
    MAX_PARSEABILITY_PENALTY,
    issues.reduce((sum, issue) => sum + issue.penalty, 0),
  );
  return { factor: 1 - penalty, score: Math.round(100 * (1 - penalty)), issues };
}

interface SentenceProfile {
  document: AtsDocument;
  doc: IndexedText;
  index: number;
  stems: Set<string>;
}

function profileSentences(doc: IndexedText, document: AtsDocument): SentenceProfile[] {
  const profiles: SentenceProfile[] = doc.sentences.map((_, index) => ({
    document,
    doc,
    index,
    stems: new Set(),
  }));
  for (const word of doc.words) profiles[word.sentence]?.stems.add(word.stem);
  return profiles;
}

/**
 * Where a missing keyword could go: the CV or letter sentence that shares most words with the
 * offer sentence asking for it, boosted where related keywords (same offer section) already matched.
 */
function suggestPlace(
  keyword: OfferKeyword,
  offerIndex: IndexedText,
  occurrences: PhraseHit[],
  sentences: SentenceProfile[],
  matchedSentences: Map<SentenceProfile, number>,
): Suggestion | undefined {
  const own = new Set(phraseOf(keyword.term, offerIndex.language).stems);
  const offerSentence = offerIndex.words[occurrences[0]?.first ?? -1]?.sentence;
  const context = new Set<string>();
  for (const word of offerIndex.words) {
    if (word.sentence === offerSentence && !own.has(word.stem)) context.add(word.stem);
  }
  let best: SentenceProfile | undefined;
  let bestScore = 0;
  for (const sentence of sentences) {
    let score = 2 * (matchedSentences.get(sentence) ?? 0);
    for (const stem of context) if (sentence.stems.has(stem)) score++;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  const span = best.doc.sentences[best.index];
  return span
    ? { document: best.document, sentence: span.text, start: span.start, end: span.end }
    : undefined;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Scores how well a CV (and optionally a letter) covers an offer's keywords, as an ATS would:
 * score 0–100 with a breakdown by category, every keyword with where and how it was found, the
 * missing ones ranked by the points they would add with a place to put them, and the CV file's
 * parseability. Deterministic: the same input gives the same report.
 */
export function analyzeAts(input: AtsInput): AtsReport {
  const parsed = AtsInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'invalid_request',
      { fr: "Texte de l'offre manquant ou invalide.", en: 'Missing or invalid offer text.' },
      {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      },
    );
  }
  const { offerText, cvText, letterText, cvFileReport } = parsed.data;
  const offer = analyzeOffer(offerText, parsed.data.language ?? detectLanguage(offerText));
  const language = offer.keywords.language;
  const cv = indexText(cvText, cvText.trim() ? detectLanguage(cvText) : language);
  const letter = letterText?.trim() ? indexText(letterText, detectLanguage(letterText)) : undefined;

  const results: KeywordResult[] = offer.keywords.keywords.map((keyword) => {
    const names = alternativeNames(keyword);
    const inCv = matchInDocument(keyword, names, cv);
    const inLetter = letter ? matchInDocument(keyword, names, letter) : undefined;
    const matches = [
      ...(inCv ? toMatches(cv, 'cv', inCv) : []),
      ...(inLetter && letter ? toMatches(letter, 'letter', inLetter) : []),
    ];
    return { ...keyword, credit: Math.max(inCv?.credit ?? 0, inLetter?.credit ?? 0), matches };
  });

  // Category weights, redistributed over the categories the offer actually has.
  const totals = new Map<
    KeywordCategory,
    { weight: number; earned: number; matched: number; count: number }
  >();
  for (const result of results) {
    const total = totals.get(result.category) ?? { weight: 0, earned: 0, matched: 0, count: 0 };
    total.weight += result.weight;
    total.earned += result.weight * result.credit;
    total.count++;
    if (result.credit >= MISSING_BELOW) total.matched++;
    totals.set(result.category, total);
  }
  // A category the offer barely mentions (one stray keyword) must not carry its full base weight:
  // below FULL_CATEGORY_COUNT keywords its base weight shrinks in proportion. The title is one keyword by nature.
  const baseOf = (category: KeywordCategory) => {
    const total = totals.get(category);
    if (!total || total.weight <= 0) return 0;
    const fullness = category === 'title' ? 1 : Math.min(1, total.count / FULL_CATEGORY_COUNT);
    return CATEGORY_WEIGHTS[category] * fullness;
  };
  const present = CATEGORIES.filter((category) => baseOf(category) > 0);
  const presentWeight = present.reduce((sum, category) => sum + baseOf(category), 0);
  const shareOf = (category: KeywordCategory) => (presentWeight > 0 ? baseOf(category) / presentWeight : 0);
  const line = (category: KeywordCategory): BreakdownLine => {
    const total = totals.get(category);
    return {
      score: total && total.weight > 0 ? Math.round((100 * total.earned) / total.weight) : 0,
      weight: Math.round(shareOf(category) * 1000) / 1000,
      matched: total?.matched ?? 0,
      total: total?.count ?? 0,
    };
  };
  const rawScore = present.reduce((sum, category) => {
    const total = totals.get(category);
    return sum + (total ? (shareOf(category) * total.earned) / total.weight : 0);
  }, 0);
  const keywordScore = Math.round(100 * rawScore);
  const parseability = cvFileReport ? assessParseability(cvFileReport) : undefined;
  const factor = parseability?.factor ?? 1;

  // Missing keywords: points each would add, and a place to add it.
  const sentences = [...profileSentences(cv, 'cv'), ...(letter ? profileSentences(letter, 'letter') : [])];
  const profileByKey = new Map(sentences.map((profile) => [`${profile.document}:${profile.index}`, profile]));
  const sentenceAt = (document: AtsDocument, start: number) => {
    const doc = document === 'cv' ? cv : letter;
    return doc?.sentences.findIndex((sentence) => start >= sentence.start && start < sentence.end) ?? -1;
  };
  const missing: (MissingKeyword & { order: number })[] = [];
  results.forEach((result, order) => {
    if (result.credit >= MISSING_BELOW) return;
    const total = totals.get(result.category);
    if (!total) return;
    const impact =
      100 * factor * shareOf(result.category) * (result.weight / total.weight) * (1 - result.credit);
    const related = new Map<SentenceProfile, number>();
    for (const other of results) {
      if (other.section !== result.section || other.credit < MISSING_BELOW) continue;
      for (const match of other.matches) {
        const profile = profileByKey.get(`${match.document}:${sentenceAt(match.document, match.start)}`);
        if (profile) related.set(profile, (related.get(profile) ?? 0) + 1);
      }
    }
    const suggestion = suggestPlace(result, offer.index, offer.occurrences[order] ?? [], sentences, related);
    missing.push({
      term: result.term,
      category: result.category,
      required: result.required,
      impact: round1(impact),
      ...(suggestion ? { suggestion } : {}),
      order,
    });
  });
  missing.sort((a, b) => b.impact - a.impact || a.order - b.order);

  return {
    language,
    score: Math.round(keywordScore * factor),
    keywordScore,
    breakdown: {
      hard: line('hard'),
      soft: line('soft'),
      title: line('title'),
      education: line('education'),
      other: line('other'),
    },
    keywords: results,
    missing: missing.map(({ order: _order, ...rest }) => rest),
    ...(parseability ? { parseability: { score: parseability.score, issues: parseability.issues } } : {}),
  };
}

/** The free plan's view of a report: the score and the five most costly missing keywords, no detail. */
export function limitAtsReportForFreePlan(report: AtsReport): FreeAtsReport {
  return {
    limited: true,
    score: report.score,
    missing: report.missing.slice(0, 5).map(({ suggestion: _suggestion, ...rest }) => rest),
  };
}
