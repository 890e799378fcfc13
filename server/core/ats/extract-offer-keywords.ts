import { getTaxonomy } from '../taxonomy';
import {
  type AliasGroup,
  detectLanguage,
  findAliasGroupByKey,
  foldText,
  isStopWord,
  type Language,
  type Token,
  tokenize,
} from '../text';
import { findOfferTitle, type OfferSegment, segmentOffer } from './offer-sections';
import type { KeywordCategory, OfferKeyword, OfferKeywords, OfferSection } from './schemas';
import { findPhrase, type IndexedText, indexText, type PhraseHit, toPhraseWords } from './text-index';

/** Weight of a keyword by the best section it appears in. */
export const SECTION_WEIGHTS: Record<OfferSection, number> = {
  title: 1.2,
  must: 1,
  nice: 0.5,
  missions: 0.6,
  other: 0.5,
  company: 0,
};

const CATEGORY_FACTORS: Record<KeywordCategory, number> = {
  title: 1,
  hard: 1,
  education: 1,
  soft: 0.8,
  other: 0.8,
};
const MAX_KEYWORD_WORDS = 4;

// Words that introduce a requirement rather than name it ("Connaissance du PMSI", "Hands-on experience of").
const LEAD_WORDS = new Set(
  (
    'connaissance connaissances maitrise maitriser maitrises maitrisez experience experiences pratique notions notion ' +
    'bonne bonnes bon solide solides premiere approche formation titulaire capacite aptitude aisance gout envie ' +
    'ability able knowledge understanding grasp comfort comfortable familiarity proficiency proficient hands good ' +
    'strong solid sound proven basic modern working clear excellent demonstrable competent serious first ' +
    'lire ecrire utiliser savoir connaitre rediger writing write using handle handling advising supporting ' +
    'sais savez utilises utilisez ecris ecrivez connais connaissez avez etes issu issue idealement ideally ' +
    'ou equivalent similaire similar quotidien currently towards outils utilise deja monde profil profils ' +
    'ans an annees years year mois months moins least conduire concevoir realiser mener animer piloter gerer ' +
    'assurer creer developper participer contribuer utilisation usage use confident outstanding fluency fluent ' +
    'two three more another years'
  ).split(' '),
);
// Lead words that only introduce when a preposition follows them.
const NEEDS_PREPOSITION = new Set(['experience', 'experiences', 'pratique', 'connaissance', 'connaissances']);

// Words that close a requirement without naming anything ("… serait un plus", "… ou équivalent").
const TRAIL_WORDS = new Set(
  (
    'qualification propres accessibles quotidien validite equivalent similaire similar apprecie appreciee ' +
    'appreciees apprecies seraient serait plus souhaite souhaitee indispensable requis requise obligatoire exige ' +
    'exigee bienvenu bienvenus bienvenue atout bienvenues background required essential preferred desirable bonus ' +
    'welcome ideally idealement experience cours interieur reconversion'
  ).split(' '),
);
// Words that mark a domain or sector requirement rather than a skill.
const DOMAIN_LEADS = /^(?:experience|experiences|background|connaissance du (?:monde|secteur|milieu))\b/;
const DOMAIN_WORDS =
  /\b(?:milieu|secteur|sector|industry|monde|environnement|environment|healthcare|domaine)\b/;
const EDUCATION =
  /\b(?:bac|bts|dut|but|licence|master|mba|diplome|diplomee?|titre professionnel|certification|certifie|certified|certificate|degree|bachelor|phd|doctorat|cipd|istqb|caces|habilitation|permis|toeic|toefl|pmp|prince2|itil|level \d|niveau \d|rncp)\b/;
const SOFT =
  /\b(?:rigueur|autonomie|curiosite|bienveillance|empathie|leadership|esprit d|sens de|sens du|adaptabilite|polyvalence|discretion|tact|patience|creativite|motivation|dynamisme|organisation|kindness|curiosity|teamwork|team player|communication|ecoute|diplomatie|reactivite|pedagogie|initiative|resilience|integrity|integrite)\b/;
// Uppercase words that are not skills: contract types, regions, company forms.
const NOT_KEYWORDS = new Set(
  'cdi cdd cv cvs uk emea pme eti ess sas sa sarl rtt bspce tpe hq ceo nb ok faq eur etp ms plc ltd gp mw idf cse pm'.split(
    ' ',
  ),
);
const SPLIT_CONJUNCTIONS =
  /\s(?:et|ou|and|or|avec|with|tout comme|ainsi que|as well as|such as|like|including|notamment|idéalement sur|ideally in|e\.g\.)\s/giu;
const STRONG_DELIMITERS = /[,;:()[\]!?]|\s[–—-]\s|\s\/\s|\.(?=\s|$)/u;

/** A term shaped like a tool, acronym or code: "SQL", "VST3", "C++", "Next.js", "HubSpot", "iTrent". */
export function isCodeLike(surface: string): boolean {
  // Fast path: a lowercase word (the vast majority) is never a code.
  if (surface.length < 2 || /^[\p{Ll}'’ -]+$/u.test(surface) || NOT_KEYWORDS.has(surface.toLowerCase()))
    return false;
  return (
    /\p{Lu}.*\p{Lu}/u.test(surface) ||
    /\p{Ll}\p{Lu}/u.test(surface) ||
    (/\d/.test(surface) && /\p{L}/u.test(surface)) ||
    /\+\+|#|\.js$/i.test(surface)
  );
}

interface Candidate {
  term: string;
  words: number;
  section: OfferSection;
  start: number;
  category?: KeywordCategory;
  alias?: AliasGroup;
  skillId?: string;
  /** Accepted only if the dictionary or the code shape vouches for it. */
  needsProof: boolean;
}

/** Trims lead-in and trailing filler words off a chunk; returns the kept token range. */
function trimChunk(
  tokens: Token[],
  language: Language,
): { from: number; to: number; lead: string } | undefined {
  let from = 0;
  let to = tokens.length - 1;
  const isFiller = (token: Token, set: Set<string>) =>
    set.has(token.fold) ||
    // Bare numbers are filler ("2 ans"), except a level glued to its word ("bac+5").
    (/^\d+$/.test(token.fold) && !tokens.some((other) => other.end === token.start - 1)) ||
    isStopWord(token.fold, language) ||
    isStopWord(token.lower, language);
  const lead: string[] = [];
  while (from <= to) {
    const token = tokens[from] as Token;
    // "Competent user of Microsoft Office": "user" is filler only before "of".
    const next = tokens[from + 1];
    const userOf = token.fold === 'user' && next?.fold === 'of';
    // "Expérience en milieu hospitalier" introduces; "expérience client" names a skill.
    const namesSkill =
      NEEDS_PREPOSITION.has(token.fold) &&
      next !== undefined &&
      !isFiller(next, LEAD_WORDS) &&
      next.fold !== 'of';
    if ((!isFiller(token, LEAD_WORDS) && !userOf) || namesSkill) break;
    lead.push(token.fold);
    from++;
  }
  // A capital letter after a word is a grade, not an article: "Permis B", "catégorie B".
  while (
    to > from &&
    isFiller(tokens[to] as Token, TRAIL_WORDS) &&
    !/^\p{Lu}$/u.test((tokens[to] as Token).text)
  )
    to--;
  while (to === from && isFiller(tokens[to] as Token, TRAIL_WORDS)) to--;
  return from <= to ? { from, to, lead: lead.join(' ') } : undefined;
}

/** Splits a requirement text into candidate keywords. */
function chunkRequirement(
  segment: OfferSegment,
  text: string,
  allTokens: readonly Token[],
  language: Language,
  out: Candidate[],
): void {
  const pieces: { start: number; end: number }[] = [];
  let cursor = segment.start;
  const body = text.slice(segment.start, segment.end);
  const delimiter = new RegExp(STRONG_DELIMITERS.source, 'gu');
  for (const match of body.matchAll(delimiter)) {
    pieces.push({ start: cursor, end: segment.start + match.index });
    cursor = segment.start + match.index + match[0].length;
  }
  pieces.push({ start: cursor, end: segment.end });
  const wholeBullet = segment.bullet && pieces.length === 1;
  for (const piece of pieces) addPiece(piece.start, piece.end, true);

  function addPiece(start: number, end: number, splittable: boolean): void {
    const inParentheses = /\(\s*$/.test(text.slice(Math.max(segment.start, start - 2), start));
    // The offer is tokenized once; a piece takes the tokens inside its range.
    const tokens = tokensWithin(allTokens, start, end);
    const kept = trimChunk(tokens, language);
    if (!kept) return;
    const core = tokens.slice(kept.from, kept.to + 1);
    // Show inclusive words whole ("utilisateur·rices"), though only their base is a token.
    const coreEnd =
      (core.at(-1)?.end ?? end) +
      (/^[·•.]\p{L}+/u.exec(text.slice(core.at(-1)?.end ?? end, end))?.[0].length ?? 0);
    const coreText = text.slice(core[0]?.start ?? start, coreEnd);
    const content = core.filter(
      (token) => !isStopWord(token.fold, language) && !isStopWord(token.lower, language),
    );
    // A known skill stays whole ("recruitment and selection"); anything else splits on conjunctions.
    const known = lookupKnown(coreText, language);
    if (splittable && !known.alias && !known.skillId) {
      const conj = new RegExp(SPLIT_CONJUNCTIONS.source, 'giu');
      const inner = [...coreText.matchAll(conj)];
      if (inner.length > 0) {
        const base = core[0]?.start ?? start;
        let from = base;
        for (const match of inner) {
          addPiece(from, base + match.index, false);
          from = base + match.index + match[0].length;
        }
        addPiece(from, core.at(-1)?.end ?? end, false);
        return;
      }
    }
    // Inner stop words other than linking words end the phrase: "esprit d'équipe sont les qualités…".
    const cut = (known.alias || known.skillId ? [] : core).findIndex(
      (token, index) => index > 0 && isStopWord(token.fold, language) && !LINKERS.has(token.fold),
    );
    if (cut > 0) {
      addPiece(core[0]?.start ?? start, core[cut - 1]?.end ?? end, false);
      addPiece(core[cut]?.start ?? start, core.at(-1)?.end ?? end, false);
      return;
    }
    // "habilitation électrique B1V/BR": a trailing code after two words is its own keyword.
    const codeRun = trailingCodeRun(core);
    if (codeRun > 0 && core.length - codeRun >= 2) {
      addPiece(core[0]?.start ?? start, core[core.length - codeRun - 1]?.end ?? end, false);
      addPiece(core[core.length - codeRun]?.start ?? start, core.at(-1)?.end ?? end, false);
      return;
    }
    if (content.length === 0 || content.length > MAX_KEYWORD_WORDS) return;
    // A generic noun alone ("data", "projet") names no skill unless it is the whole bullet.
    if (content.length === 1 && !wholeBullet && GENERIC.has((content[0] as Token).fold)) return;
    const single = content.length === 1;
    const leadFolded = kept.lead;
    const category: KeywordCategory | undefined =
      DOMAIN_LEADS.test(leadFolded) || DOMAIN_WORDS.test(foldText(coreText)) ? 'other' : undefined;
    out.push({
      term: coreText,
      words: content.length,
      section: segment.section,
      start: core[0]?.start ?? start,
      ...(category ? { category } : {}),
      // Prose chunks must be proven (known skill, code, diploma, quality) unless they are a short
      // noun phrase; a bullet of its own is a name ("dbt", "Rust"), so is a capitalised word in a list.
      needsProof:
        !wholeBullet &&
        !(single && /^\p{Lu}/u.test(coreText) && (core[0]?.start ?? 0) > segment.start) &&
        !(single && segment.bullet && !inParentheses && looksLikeNoun(content[0] as Token, language)) &&
        (single || !segment.bullet || inParentheses) &&
        !(
          content.length >= 2 &&
          content.length <= 3 &&
          !inParentheses &&
          content.every((token) => looksLikeNoun(token, language))
        ),
    });
  }
}

const LINKERS = new Set([
  'non',
  'not',
  'de',
  'des',
  'du',
  'd',
  'la',
  'le',
  'les',
  'l',
  'en',
  'a',
  'au',
  'aux',
  'of',
  'the',
  'for',
  'in',
  'on',
  'to',
]);

function trailingCodeRun(tokens: Token[]): number {
  let run = 0;
  for (let i = tokens.length - 1; i >= 0 && isCodeLike((tokens[i] as Token).text); i--) run++;
  return run;
}

function looksLikeNoun(token: Token, language: Language): boolean {
  // Conjugated verbs and (in French) infinitives are not skills: "attendons", "apprendre".
  if (token.fold.length < 4 || /(?:ons|ez|ais|ait|ions)$/.test(token.fold)) return false;
  return language !== 'fr' || /^\p{Lu}/u.test(token.text) || !/(?:er|ir|re)$/.test(token.fold);
}

// A role is not its discipline: "Product Manager" stems like "product management", "UX designer" like "UX design".
const ROLE_NOUN =
  /^(?:manager|designer|developer|developpeur|analyst|analyste|engineer|ingenieur|owner|consultant|officer|advisor|tester|testeur|lead)$/;

const KNOWN_CACHE = new Map<string, { alias?: AliasGroup; skillId?: string; soft?: boolean }>();

/** A term known to the alias table or the taxonomy (by stem key), with its identity. */
function lookupKnown(
  term: string,
  language: Language,
): { alias?: AliasGroup; skillId?: string; soft?: boolean } {
  const cacheKey = `${language}:${term}`;
  const cached = KNOWN_CACHE.get(cacheKey);
  if (cached) return cached;
  const words = toPhraseWords(term, language);
  const result = lookupKnownByWords(words.folds, words.stems, language);
  if (KNOWN_CACHE.size > 20_000) KNOWN_CACHE.clear();
  KNOWN_CACHE.set(cacheKey, result);
  return result;
}

function lookupKnownByWords(
  folds: string[],
  stems: string[],
  language: Language,
): { alias?: AliasGroup; skillId?: string; soft?: boolean } {
  // One word must match an alias outright: "Excellent" and "Excel" share an English stem.
  const alias =
    findAliasGroupByKey(folds.join(' '), 'fold') ??
    (folds.length > 1 && !ROLE_NOUN.test(folds.at(-1) ?? '')
      ? findAliasGroupByKey(stems.join(' '), 'stem')
      : undefined);
  if (alias) return { alias };
  const skill = getTaxonomy().findSkillByWords(folds, stems, language);
  return skill ? { skillId: skill.id, soft: skill.kind === 'soft' } : {};
}

// Generic nouns that ESCO lists as skills but that say nothing about a job on their own.
const GENERIC = new Set(
  (
    'gestion service services qualite equipe equipes projet projets donnees data analyse client clients sante ' +
    'travail work team support management information production securite activite activites resultats results ' +
    'outil outils tools terrain suivi accueil conseil vente sales design contact plan planning'
  ).split(' '),
);

/** The tokens inside [start, end), found by binary search (tokens are in text order). */
function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle]?.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  let last = low;
  while (last < tokens.length && (tokens[last]?.end ?? 0) <= end) last++;
  return tokens.slice(low, last);
}

/** The indexed words inside [start, end), found by binary search (words are in text order). */
function wordsWithin(index: IndexedText, start: number, end: number): IndexedText['words'] {
  let low = 0;
  let high = index.words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((index.words[middle]?.token.start ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  let last = low;
  while (last < index.words.length && (index.words[last]?.token.end ?? 0) <= end) last++;
  return index.words.slice(low, last);
}

/** Scans a segment's words for dictionary skills (1–4 words) and code-shaped terms. */
function scanSegment(index: IndexedText, segment: OfferSegment, out: Candidate[]): void {
  const words = wordsWithin(index, segment.start, segment.end);
  const allCaps =
    segment.text.replace(/[^\p{L}]/gu, '').length > 0 && segment.text === segment.text.toUpperCase();
  for (let i = 0; i < words.length; i++) {
    for (let n = MAX_KEYWORD_WORDS; n >= 1; n--) {
      const gram = words.slice(i, i + n);
      if (gram.length < n || gram.slice(1).some((word) => word.breakBefore)) continue;
      const folds = gram.map((word) => word.fold);
      if (
        n === 1 &&
        (GENERIC.has(folds[0] as string) || !looksLikeNoun(gram[0]?.token as Token, index.language))
      ) {
        continue;
      }
      const known = lookupKnownByWords(
        folds,
        gram.map((word) => word.stem),
        index.language,
      );
      if (!known.alias && !known.skillId) continue;
      const first = gram[0]?.token;
      const last = gram.at(-1)?.token;
      if (!first || !last) continue;
      out.push({
        term: index.text.slice(first.start, last.end),
        words: n,
        section: segment.section,
        start: first.start,
        needsProof: false,
        ...(known.alias ? { alias: known.alias } : {}),
        ...(known.skillId ? { skillId: known.skillId } : {}),
        ...(known.soft ? { category: 'soft' as const } : {}),
      });
      i += n - 1;
      break;
    }
  }
  if (allCaps) return;
  // Runs of code-shaped and capitalised words around at least one code ("Power BI", "Siemens TIA Portal").
  let run: Token[] = [];
  const flush = () => {
    if (run.some((token) => isCodeLike(token.text))) {
      const first = run[0] as Token;
      const last = run.at(-1) as Token;
      out.push({
        term: index.text.slice(first.start, last.end),
        words: run.length,
        section: segment.section,
        start: first.start,
        category: 'hard',
        needsProof: false,
      });
    }
    run = [];
  };
  for (const [position, word] of words.entries()) {
    const token = word.token;
    const capitalised =
      /^\p{Lu}/u.test(token.text) && position > 0 && !/^[.!?]/.test(index.text.charAt(token.start - 2));
    // Only spaces may separate the words of a run: "TypeScript et React" is two names.
    const previous = words[position - 1]?.token;
    const gap = previous ? index.text.slice(previous.end, token.start) : ' ';
    if (word.breakBefore || (/\S/.test(gap) && gap !== '/' && gap !== '-')) flush();
    if (
      isCodeLike(token.text) ||
      (capitalised && run.length > 0) ||
      (capitalised && isCodeLike(words[position + 1]?.token.text ?? ''))
    ) {
      if (!NOT_KEYWORDS.has(token.fold)) run.push(token);
      else flush();
    } else flush();
    if (run.length >= MAX_KEYWORD_WORDS) flush();
  }
  flush();
}

/** The job title, cleaned of gender markers, seniority and trailing qualifiers. */
export function cleanJobTitle(title: string): string {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s[–—|-]\s|,/)[0]!
    .replace(/\b(?:H\/F|F\/H|F\/H\/X|H\/F\/X)\b/gi, ' ')
    .replace(/^\s*(?:un·e|un\.e|une?|an?)\s+/iu, '')
    .replace(
      /\b(?:junior|senior|confirmée?|débutante?|stagiaire|alternance|alternant·?e?|intern|graduate)\b/giu,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything the analyzer needs about an offer, computed once. */
export interface OfferAnalysis {
  keywords: OfferKeywords;
  index: IndexedText;
  segments: OfferSegment[];
  /** Occurrences of each keyword in the offer (same order as keywords). */
  occurrences: PhraseHit[][];
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Extracts an offer's weighted keywords and keeps the offer's index for matching. */
export function analyzeOffer(
  offerText: string,
  language: Language = detectLanguage(offerText),
): OfferAnalysis {
  const allTokens = tokenize(offerText, language);
  const index = indexText(offerText, language, allTokens);
  const segments = segmentOffer(offerText, language);
  const candidates: Candidate[] = [];
  const title = findOfferTitle(offerText);
  const cleanTitle = cleanJobTitle(title.text);
  if (cleanTitle) {
    const start = title.start + Math.max(0, title.text.indexOf(cleanTitle.split(' ')[0] ?? ''));
    candidates.push({
      term: cleanTitle,
      words: 0,
      section: 'title',
      start,
      category: 'title',
      needsProof: false,
    });
  }
  for (const segment of segments) {
    if (segment.section === 'company') continue;
    if (segment.section === 'must' || segment.section === 'nice')
      chunkRequirement(segment, offerText, allTokens, language, candidates);
    scanSegment(index, segment, candidates);
  }

  // Merge by identity: alias group, else stems.
  interface Merged {
    candidate: Candidate;
    key: string;
    phrase: ReturnType<typeof toPhraseWords>;
    sections: Set<OfferSection>;
  }
  const merged = new Map<string, Merged>();
  const titleStems = cleanTitle ? toPhraseWords(cleanTitle, language).stems.join(' ') : '';
  for (const candidate of candidates) {
    const phrase = toPhraseWords(candidate.term, language);
    if (phrase.folds.length === 0) continue;
    const known =
      candidate.alias || candidate.skillId
        ? candidate
        : { ...candidate, ...lookupKnown(candidate.term, language) };
    const folded = phrase.folds.join(' ');
    // A lone diploma word ("Diplômé") is not a qualification; "BTS", "CACES R489" are.
    const education = EDUCATION.test(folded) && (phrase.folds.length > 1 || isCodeLike(candidate.term));
    const proven =
      known.alias || known.skillId || isCodeLike(candidate.term) || education || SOFT.test(folded);
    if ((known.needsProof && !proven) || NOT_KEYWORDS.has(folded)) continue;
    const isTitle = candidate.category === 'title';
    // A skill named in the title is the title's business, not a second keyword.
    if (!isTitle && titleStems && phrase.stems.join(' ') === titleStems) continue;
    const key = isTitle
      ? `title:${phrase.stems.join(' ')}`
      : known.alias
        ? `alias:${known.alias.id}`
        : `stem:${phrase.stems.join(' ')}`;
    const existing = merged.get(key);
    if (existing) {
      existing.sections.add(candidate.section);
      const isRequirement = (section: OfferSection) => section === 'must' || section === 'nice';
      if (isRequirement(candidate.section) && !isRequirement(existing.candidate.section)) {
        // The requirement's wording is the one to show and match first.
        // The requirement also sets the level: a nice-to-have stays one even if the missions mention it.
        existing.candidate = { ...known, start: Math.min(known.start, existing.candidate.start) };
      } else if (SECTION_WEIGHTS[candidate.section] > SECTION_WEIGHTS[existing.candidate.section]) {
        // The requirement's wording ("digital signal processing") beats an earlier passing mention ("DSP").
        existing.candidate = { ...known, start: Math.min(known.start, existing.candidate.start) };
      }
      continue;
    }
    merged.set(key, { candidate: known, key, phrase, sections: new Set([candidate.section]) });
  }

  const companySpans = segments.filter((segment) => segment.section === 'company');
  const inCompany = (position: number) =>
    companySpans.some((segment) => position >= segment.start && position < segment.end);
  const entries = [...merged.values()].map((entry) => {
    const hits = findPhrase(index, entry.phrase, 'stem').filter(
      (hit) => !inCompany(index.words[hit.first]?.token.start ?? 0),
    );
    return { ...entry, hits };
  });

  // A shorter keyword whose every mention sits inside a longer one adds nothing ("tests" in "tests unitaires").
  const kept = entries.filter(
    (entry) =>
      entry.candidate.category === 'title' ||
      !entries.some(
        (other) =>
          other !== entry &&
          other.candidate.category !== 'title' &&
          other.phrase.stems.length > entry.phrase.stems.length &&
          entry.hits.length > 0 &&
          entry.hits.every((hit) =>
            other.hits.some((outer) => outer.first <= hit.first && outer.last >= hit.last),
          ),
      ),
  );

  const length = Math.max(1, offerText.length);
  const keywords: OfferKeyword[] = [];
  const occurrences: PhraseHit[][] = [];
  for (const entry of kept) {
    const candidate = entry.candidate;
    const category = categorize(candidate, entry.phrase.folds.join(' '));
    const frequency = Math.max(1, entry.hits.length);
    const firstOffset = Math.min(
      candidate.start,
      index.words[entry.hits[0]?.first ?? -1]?.token.start ?? candidate.start,
    );
    const weight =
      SECTION_WEIGHTS[candidate.section] *
      CATEGORY_FACTORS[category] *
      (1 + 0.25 * Math.min(3, frequency - 1)) *
      (1.1 - 0.2 * (firstOffset / length));
    if (weight <= 0) continue;
    keywords.push({
      term: candidate.term,
      key: entry.key,
      category,
      section: candidate.section,
      required: candidate.section === 'must' || candidate.section === 'title',
      frequency,
      firstOffset,
      weight: round3(weight),
      ...(candidate.alias
        ? { skillId: `alias:${candidate.alias.id}` }
        : candidate.skillId
          ? { skillId: candidate.skillId }
          : {}),
    });
    occurrences.push(entry.hits);
  }
  // Best first; ties by position, so the order is stable for a given offer.
  const order = keywords
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = keywords[a] as OfferKeyword;
      const kb = keywords[b] as OfferKeyword;
      return kb.weight - ka.weight || ka.firstOffset - kb.firstOffset || ka.key.localeCompare(kb.key);
    });
  return {
    keywords: { language, title: cleanTitle, keywords: order.map((i) => keywords[i] as OfferKeyword) },
    index,
    segments,
    occurrences: order.map((i) => occurrences[i] as PhraseHit[]),
  };
}

function categorize(candidate: Candidate, folded: string): KeywordCategory {
  if (candidate.category === 'title') return 'title';
  if (EDUCATION.test(folded) || candidate.alias?.category === 'education') return 'education';
  if (candidate.alias) return candidate.alias.category === 'title' ? 'hard' : candidate.alias.category;
  if (candidate.category === 'soft' || SOFT.test(folded)) return 'soft';
  if (candidate.category) return candidate.category;
  if (candidate.skillId) return 'hard';
  if (isCodeLike(candidate.term)) return 'hard';
  return candidate.words <= 2 ? 'hard' : 'other';
}

/** Weighted keywords and skills of a job offer (title, must-have and nice-to-have, frequency, position). */
export function extractOfferKeywords(offerText: string, language?: Language): OfferKeywords {
  return analyzeOffer(offerText, language).keywords;
}
