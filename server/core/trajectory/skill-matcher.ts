import { findPhrase, type IndexedText, toPhraseWords } from '../ats/text-index';
import { type Language, stemWord, tokenize } from '../text';

// Words that say how a skill is used, not what it is ("apply statistical analysis techniques").
// Requiring them would miss most CVs, which name the thing, not the verb.
const FILLER_WORDS =
  'use using apply perform execute carry out ensure techniques methods principles various types ' +
  'utiliser appliquer effectuer exécuter procéder réaliser mettre œuvre assurer différents divers';
// Words too common in CVs and offers to prove a skill on their own ("données", "software").
const WEAK_WORDS =
  'data données information informations ict tic software logiciel logiciels system systems système systèmes ' +
  'management gestion work travail activity activités service services product produit quality qualité ' +
  'process processus general général';

// Labels are stemmed in the text's language whatever their own ("data" → "dat" by the French
// stemmer): each word is kept under both stemmers' forms.
const stemsOf = (words: string) =>
  new Set(words.split(' ').flatMap((word) => [stemWord(word, 'fr'), stemWord(word, 'en')]));
const FILLER_STEMS = stemsOf(FILLER_WORDS);
const WEAK_STEMS = stemsOf(WEAK_WORDS);

/** Words a scattered match may span: a skill's words rarely sit further apart in one bullet. */
const SCATTER_WINDOW = 8;

/** Where a phrase shows in an indexed text: sentence indices, strongest first (exact, then scattered). */
export interface PhraseMatch {
  sentences: number[];
  exact: boolean;
}

/**
 * Finds a skill phrase in a text: contiguous stems first; for multi-word phrases, all the
 * meaningful stems within one sentence ("lecture de plan, de schéma" ~ "lecture de schémas").
 * Filler verbs are ignored; a phrase made only of weak words ("data", "gestion") never matches.
 */
export function matchPhrase(index: IndexedText, phrase: string, language: Language): PhraseMatch | undefined {
  const words = toPhraseWords(phrase, language);
  if (words.stems.length === 0) return undefined;
  // The stop list also holds short nouns ("TIC" in "chiffrement TIC"): a two-word name reduced to one
  // word would match far too much ("chiffres").
  if (words.stems.length === 1 && countNamingWords(phrase) > 1) return undefined;
  const meaningful = [...new Set(words.stems.filter((stem) => !FILLER_STEMS.has(stem)))];
  if (meaningful.length === 0 || meaningful.every((stem) => WEAK_STEMS.has(stem))) return undefined;
  const exact = findPhrase(index, words, 'stem');
  if (exact.length > 0) {
    return {
      sentences: [...new Set(exact.map((hit) => index.words[hit.first]?.sentence ?? 0))],
      exact: true,
    };
  }
  if (meaningful.length < 2 || meaningful.length > 5) return undefined;
  const strong = meaningful.filter((stem) => !WEAK_STEMS.has(stem));
  if (strong.length === 0) return undefined;
  // Long labels list neighbours ("lecture de plan, de schéma"): two of three meaningful words make the
  // match; shorter ones need every word, weak ones included ("analyse data quality" is not "data analyse").
  const needed = strong.length >= 3 ? Math.ceil((strong.length * 2) / 3) : meaningful.length;
  const counted = strong.length >= 3 ? strong : meaningful;
  const anchors = [...new Set(strong.flatMap((stem) => findStem(index, stem)))].sort((a, b) => a - b);
  const sentences: number[] = [];
  for (const anchor of anchors) {
    const sentence = index.words[anchor]?.sentence;
    if (sentence === undefined || sentences.includes(sentence)) continue;
    const found = counted.filter((stem) => {
      for (let i = Math.max(0, anchor - SCATTER_WINDOW); i <= anchor + SCATTER_WINDOW; i++) {
        const word = index.words[i];
        if (word && word.sentence === sentence && similarStems(word.stem, stem)) return true;
      }
      return false;
    });
    if (found.length >= needed) sentences.push(sentence);
  }
  return sentences.length > 0 ? { sentences, exact: false } : undefined;
}

// Snowball leaves derived forms apart ("diagnostiquez" → diagnostiqu, "diagnostic" → diagnostic): a long
// shared beginning joins them. Short stems would join unrelated words ("inform" / "informat").
const MIN_SHARED_PREFIX = 7;

function similarStems(a: string, b: string): boolean {
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared++;
  return shared >= Math.max(MIN_SHARED_PREFIX, Math.min(a.length, b.length) - 2);
}

// Per indexed text, its word positions by stem beginning: built once, then every lookup is a map hit.
const PREFIX_INDEX = new WeakMap<IndexedText, Map<string, number[]>>();

/** Word positions whose stem is this one or a close derived form. */
function findStem(index: IndexedText, stem: string): number[] {
  if (stem.length < MIN_SHARED_PREFIX) return index.byStem.get(stem) ?? [];
  let byPrefix = PREFIX_INDEX.get(index);
  if (!byPrefix) {
    byPrefix = new Map();
    for (const [other, positions] of index.byStem) {
      if (other.length < MIN_SHARED_PREFIX) continue;
      const key = other.slice(0, MIN_SHARED_PREFIX);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), ...positions]);
    }
    PREFIX_INDEX.set(index, byPrefix);
  }
  const candidates = byPrefix.get(stem.slice(0, MIN_SHARED_PREFIX)) ?? [];
  return candidates.filter((position) => similarStems(index.words[position]?.stem ?? '', stem));
}

const ARTICLES = new Set(
  'le la les de des du un une au aux en et ou dans pour sur par avec the a an of in on for to and or with by'.split(
    ' ',
  ),
);

function countNamingWords(phrase: string): number {
  return tokenize(phrase).filter((token) => token.fold.length > 1 && !ARTICLES.has(token.fold)).length;
}

/** A stem too common to prove anything alone ("data", "logiciel"). */
export function isWeakStem(stem: string): boolean {
  return WEAK_STEMS.has(stem) || FILLER_STEMS.has(stem);
}

/** Stem key of a phrase in a language, for comparing two skill names. */
export function stemKey(phrase: string, language: Language): string {
  return toPhraseWords(phrase, language).stems.join(' ');
}
