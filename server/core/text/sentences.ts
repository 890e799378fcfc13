import { z } from 'zod';

/** A sentence, a bullet or a heading line of a text, with its offsets (end exclusive). */
export const SentenceSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export type Sentence = z.infer<typeof SentenceSchema>;

// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS =
  /(?:^|[\s(])(?:m|mme|mlle|dr|pr|st|ste|etc|ex|cf|env|approx|e\.g|i\.e|vs|no|n°|mr|mrs|ms|inc|ltd|jr|sr)\.$/i;

/**
 * Splits a text into sentences with offsets. Every line break ends a sentence too, because CVs and
 * offers are made of bullets and headings rather than paragraphs.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s|[-*•▪–—·●◦]/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) sentences.push({ text: text.slice(s, e), start: s, end: e });
  };
  let start = 0;
  const boundary = /\n|[.!?…]+(?=\s+["«“(]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0] !== '\n' && ABBREVIATIONS.test(text.slice(Math.max(0, match.index - 6), end))) continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return sentences;
}
