import type { Language } from './language';
import { stemWord } from './stem';
import { isStopWord } from './stopwords';
import { type Token, tokenize } from './tokenize';

/** How two phrases are compared: folded words (accent/case-insensitive) or Snowball stems. */
export type PhraseKeyMode = 'fold' | 'stem';

/** The tokens that carry meaning: stop words are dropped, unless nothing else is left. */
export function selectContentTokens(tokens: readonly Token[], language: Language | 'any' = 'any'): Token[] {
  const content = tokens.filter(
    (token) => !isStopWord(token.fold, language) && !isStopWord(token.lower, language),
  );
  return content.length > 0 ? content : [...tokens];
}

/** Normalised key of a short phrase: content words, folded or stemmed, joined by spaces. */
export function buildPhraseKey(phrase: string, language: Language, mode: PhraseKeyMode): string {
  const content = selectContentTokens(tokenize(phrase, language), language);
  return content.map((token) => (mode === 'fold' ? token.fold : stemWord(token.lower, language))).join(' ');
}
