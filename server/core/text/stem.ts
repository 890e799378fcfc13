import snowball from 'snowball-stemmers';
import { foldText } from './fold';
import type { Language } from './language';

const STEMMERS = { fr: snowball.newStemmer('french'), en: snowball.newStemmer('english') };
const CACHES: Record<Language, Map<string, string>> = { fr: new Map(), en: new Map() };
// Stemming is the hot path of matching; a bounded memo keeps it a map lookup without unbounded growth.
const CACHE_LIMIT = 50_000;

/** Snowball stem of a lowercased word, folded afterwards so that accents never split two stems. */
export function stemWord(word: string, language: Language): string {
  const cache = CACHES[language];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  // Tokens with digits or symbols (vst3, c++, next.js, a/b) are names: stemming would only damage them.
  const stem =
    /^[\p{L}]+$/u.test(word) && word.length > 2 ? foldText(STEMMERS[language].stem(word)) : foldText(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
