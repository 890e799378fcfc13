import {
  detectLanguage,
  isStopWord,
  type Language,
  type Sentence,
  splitSentences,
  stemWord,
  type Token,
  tokenize,
} from '../text';

/** A content word of an indexed text: stop words are skipped, phrase breaks are carried over. */
export interface IndexedWord {
  token: Token;
  fold: string;
  stem: string;
  /** Punctuation or a line break (or a skipped stop word after one) precedes it. */
  breakBefore: boolean;
  /** Index of the sentence it belongs to. */
  sentence: number;
}

/** A text prepared once for many phrase searches. */
export interface IndexedText {
  text: string;
  language: Language;
  words: IndexedWord[];
  sentences: Sentence[];
  byFold: Map<string, number[]>;
  byStem: Map<string, number[]>;
}

/** The words of a phrase to look for, folded and stemmed in the searched text's language. */
export interface PhraseWords {
  folds: string[];
  stems: string[];
}

/** A found phrase: word indices [first, last] in the indexed text. */
export interface PhraseHit {
  first: number;
  last: number;
}

const push = (map: Map<string, number[]>, key: string, value: number) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Tokenizes, stems and indexes a text (CV, letter or offer). */
export function indexText(
  text: string,
  language: Language = detectLanguage(text),
  tokens: readonly Token[] = tokenize(text, language),
): IndexedText {
  const sentences = splitSentences(text);
  const words: IndexedWord[] = [];
  const byFold = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  let sentence = 0;
  let pendingBreak = false;
  for (const token of tokens) {
    while (sentence < sentences.length - 1 && token.start >= (sentences[sentence]?.end ?? 0)) sentence++;
    pendingBreak ||= token.breakBefore;
    if (isStopWord(token.fold, language) || isStopWord(token.lower, language)) continue;
    const word: IndexedWord = {
      token,
      fold: token.fold,
      stem: stemWord(token.lower, language),
      breakBefore: pendingBreak,
      sentence,
    };
    pendingBreak = false;
    push(byFold, word.fold, words.length);
    push(byStem, word.stem, words.length);
    words.push(word);
  }
  return { text, language, words, sentences, byFold, byStem };
}

/** The content words of a phrase, in the given language; stop words kept only if nothing else is left. */
export function toPhraseWords(phrase: string, language: Language): PhraseWords {
  // Keywords, aliases and labels repeat across calls: a bounded memo avoids re-tokenizing them.
  const key = `${language}\u0000${phrase}`;
  const cached = PHRASE_MEMO.get(key);
  if (cached) return cached;
  const words = computePhraseWords(phrase, language);
  if (PHRASE_MEMO.size >= 20_000) PHRASE_MEMO.clear();
  PHRASE_MEMO.set(key, words);
  return words;
}

const PHRASE_MEMO = new Map<string, PhraseWords>();

function computePhraseWords(phrase: string, language: Language): PhraseWords {
  const tokens = tokenize(phrase, language);
  let content = tokens.filter(
    (token) => !isStopWord(token.fold, language) && !isStopWord(token.lower, language),
  );
  if (content.length === 0) content = tokens;
  return {
    folds: content.map((token) => token.fold),
    stems: content.map((token) => stemWord(token.lower, language)),
  };
}

/** Contiguous occurrences (stop words aside, no punctuation inside) of a phrase, by folded words or stems. */
export function findPhrase(index: IndexedText, phrase: PhraseWords, mode: 'fold' | 'stem'): PhraseHit[] {
  const keys = mode === 'fold' ? phrase.folds : phrase.stems;
  const first = keys[0];
  if (first === undefined) return [];
  const starts = (mode === 'fold' ? index.byFold : index.byStem).get(first) ?? [];
  const hits: PhraseHit[] = [];
  for (const start of starts) {
    let ok = true;
    for (let k = 1; k < keys.length; k++) {
      const word = index.words[start + k];
      if (!word || word.breakBefore || (mode === 'fold' ? word.fold : word.stem) !== keys[k]) {
        ok = false;
        break;
      }
    }
    if (ok) hits.push({ first: start, last: start + keys.length - 1 });
  }
  return hits;
}

/**
 * Occurrences where at least `minShare` of the phrase's stems appear within one sentence and a
 * window of a few words, in any order ("test automation" in "automated UI tests").
 */
export function findScattered(
  index: IndexedText,
  phrase: PhraseWords,
  minShare: number,
  window = 6,
): PhraseHit[] {
  const stems = [...new Set(phrase.stems)];
  const needed = Math.max(1, Math.ceil(stems.length * minShare));
  const anchors = index.byStem.get(stems[0] ?? '') ?? [];
  const candidates = anchors.length > 0 ? anchors : stems.flatMap((stem) => index.byStem.get(stem) ?? []);
  const hits: PhraseHit[] = [];
  for (const anchor of [...new Set(candidates)].sort((a, b) => a - b)) {
    const sentence = index.words[anchor]?.sentence;
    let first = anchor;
    let last = anchor;
    let found = 0;
    for (const stem of stems) {
      for (let i = Math.max(0, anchor - window); i <= anchor + window && i < index.words.length; i++) {
        const word = index.words[i];
        if (word && word.sentence === sentence && word.stem === stem) {
          found++;
          first = Math.min(first, i);
          last = Math.max(last, i);
          break;
        }
      }
    }
    if (found >= needed) hits.push({ first, last });
  }
  return hits;
}

/** Character span of a hit. */
export function spanOfHit(index: IndexedText, hit: PhraseHit): { start: number; end: number } {
  return { start: index.words[hit.first]?.token.start ?? 0, end: index.words[hit.last]?.token.end ?? 0 };
}
