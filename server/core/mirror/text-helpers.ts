/**
 * Small text primitives shared by Mirror Match and Smart Coach. They are private to these two
 * modules: when this was written, server/core/text/ did not exist yet, so these stay minimal
 * (offsets-preserving tokenizer, sentence splitter, light stemmer, stop words) and can be
 * swapped for the shared toolkit without changing any report shape.
 */
import type { Language } from '../profile/schemas';

/** A word of the source text with its offsets (end exclusive). */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A sentence (or a heading/bullet line) of the source text with its offsets. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// Letters/digits joined by hyphens or the French inclusive middle dot stay one word
// ("start-up", "salarié·es"); apostrophes split, which separates elisions ("l'équipe").
const WORD_RE = /[\p{L}\p{N}]+(?:[-·‐][\p{L}\p{N}]+)*/gu;

/** Unicode-aware word boundaries: JavaScript's \b only knows ASCII letters. */
export const B = '(?<![\\p{L}\\p{N}_])';
/** Right-hand counterpart of {@link B}. */
export const E = '(?![\\p{L}\\p{N}_])';

/** Builds a case-insensitive, Unicode, global regex whose source may use {@link B}/{@link E}. */
export function buildWordRegex(source: string, caseSensitive = false): RegExp {
  return new RegExp(source, caseSensitive ? 'gu' : 'giu');
}

/** Splits a text into words with their offsets, keeping accents. */
export function tokenizeWithOffsets(text: string): Token[] {
  // The same offer/CV is tokenized by several analyses of one request: a small bounded memo keeps
  // that to one pass without changing any result (callers never mutate the returned array).
  const cached = tokenMemo.get(text);
  if (cached) return cached;
  const tokens = scanTokens(text);
  if (tokenMemo.size >= 16) tokenMemo.clear();
  tokenMemo.set(text, tokens);
  return tokens;
}

const tokenMemo = new Map<string, Token[]>();

function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

/** Lower-cases and strips diacritics so that "Qualité" and "qualite" compare equal. */
export function foldText(text: string): string {
  // Fast path: plain ASCII has no diacritics to strip.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A deliberately light stemmer (plural and a few inflections): enough to match "valeurs" with
 * "valeur" or "patients" with "patient" without the over-stemming that would merge unrelated
 * culture words.
 */
export function stemLight(word: string, language: Language): string {
  const key = language + word;
  const cached = stemMemo.get(key);
  if (cached !== undefined) return cached;
  const stem = computeStem(word, language);
  if (stemMemo.size >= 50_000) stemMemo.clear();
  stemMemo.set(key, stem);
  return stem;
}

const stemMemo = new Map<string, string>();

function computeStem(word: string, language: Language): string {
  let w = foldText(word).replace(/[-·‐]/g, '');
  if (language === 'fr') {
    if (w.length > 4 && /[sx]$/.test(w)) w = w.slice(0, -1);
    if (w.length > 5 && w.endsWith('ment')) w = w.slice(0, -4);
    if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
    if (w.length > 5 && /(ee|ez|er)$/.test(w)) w = w.slice(0, -2);
    return w;
  }
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** A stemmer bound to one language that remembers its answers for the duration of one analysis. */
export function createStemmer(language: Language): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let stem = memo.get(word);
    if (stem === undefined) {
      stem = stemLight(word, language);
      memo.set(word, stem);
    }
    return stem;
  };
}

/** Splits into sentences; line breaks always end one, so headings and bullets stand alone. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const lineRe = /[^\n]+/g;
  for (const line of text.matchAll(lineRe)) {
    const lineStart = line.index ?? 0;
    const body = line[0];
    // Split after . ! ? … when followed by a space and something that starts a sentence.
    const cut = /[.!?…]+["»”)]?\s+(?=[\p{Lu}\p{N}«"“(])/gu;
    let from = 0;
    for (const m of body.matchAll(cut)) {
      const endInLine = (m.index ?? 0) + m[0].trimEnd().length;
      // "M. Dupont", "Mme. X": a civility abbreviation does not end a sentence.
      if (/(?:^|\s)(?:M|Mme|Mr|Mrs|Ms|Dr|St|p|cf|ex|etc)\.$/.test(body.slice(from, endInLine))) continue;
      pushSpan(spans, body, lineStart, from, endInLine);
      from = (m.index ?? 0) + m[0].length;
    }
    pushSpan(spans, body, lineStart, from, body.length);
  }
  return spans;
}

function pushSpan(spans: Span[], body: string, lineStart: number, from: number, to: number): void {
  const raw = body.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text.length === 0) return;
  spans.push({ text, start: lineStart + from + lead, end: lineStart + from + lead + text.length });
}

/** Splits into paragraphs (blocks separated by a blank line) with offsets. */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const t = raw.trim();
    if (t.length === 0) continue;
    const start = (m.index ?? 0) + (raw.length - raw.trimStart().length);
    spans.push({ text: t, start, end: start + t.length });
  }
  return spans;
}

/** Groups one tokenization by sentence (tokens keep their offsets in the whole text). */
export function tokensBySentence(sentences: Span[], tokens: Token[]): Token[][] {
  const groups: Token[][] = sentences.map(() => []);
  let si = 0;
  for (const t of tokens) {
    while (si < sentences.length && t.start >= sentences[si]!.end) si++;
    if (si >= sentences.length) break;
    if (t.start >= sentences[si]!.start) groups[si]!.push(t);
  }
  return groups;
}

/** The sentence that contains an offset (or null when the offset is outside every sentence). */
export function findSentenceAt(sentences: Span[], offset: number): Span | null {
  for (const s of sentences) if (offset >= s.start && offset < s.end) return s;
  return null;
}

/** Counts the words of a text (numbers included). */
export function countWords(text: string): number {
  return tokenizeWithOffsets(text).length;
}

const FR_STOP = new Set(
  `a à afin ai aie ainsi alors après as au aucun aucune aujourd auprès aussi autre autres aux avec avez
  avoir avons ayant bien c ça car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez
  ci comme comment d dans de des dès donc dont du elle elles en encore entre est et étaient était été être
  eu eux fait faire fois font hors il ils j je jusqu l la le les leur leurs lors lui m ma mais me même
  mes moi mon n ne ni nos notre nous on ont ou où par parce pas peu peut plus pour pourquoi qu quand que
  quel quelle quelles quels qui quoi s sa sans se sera serait ses si sinon soit son sont sous suis sur t
  ta te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y ci là ceux être déjà
  via selon chacun chacune plusieurs dont ayez serez sommes êtes avait avaient aura auront soit`.split(/\s+/),
);

const EN_STOP = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below
  between both but by can could did do does doing don down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is isn it its itself just let ll me
  more most my myself no nor not now of off on once only or other our ours ourselves out over own re s
  same she should so some such t than that the their theirs them themselves then there these they this
  those through to too under until up ve very was we were what when where which while who whom why will
  with would you your yours yourself yourselves d m o y also us every anything something whether within
  per via may might must shall one two three`.split(/\s+/),
);

/** Whether a lower-cased word is a grammatical stop word in the language. */
export function isStopWord(lower: string, language: Language): boolean {
  return (language === 'fr' ? FR_STOP : EN_STOP).has(lower);
}

/** Guesses French or English from stop-word counts (the only two languages the product writes). */
export function detectLanguageLight(text: string): Language {
  let fr = 0;
  let en = 0;
  for (const t of tokenizeWithOffsets(text.slice(0, 6000))) {
    if (FR_STOP.has(t.lower) && !EN_STOP.has(t.lower)) fr++;
    else if (EN_STOP.has(t.lower) && !FR_STOP.has(t.lower)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

/** Emoji (pictographs, not digits or # that also carry the Emoji property). */
export const EMOJI_RE = /\p{Extended_Pictographic}/gu;
