/** Contiguous n-grams of a list, for every n in [minSize, maxSize], joined by a space, in text order. */
export function buildNgrams(words: readonly string[], minSize: number, maxSize: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = minSize; n <= maxSize && i + n <= words.length; n++)
      grams.push(words.slice(i, i + n).join(' '));
  }
  return grams;
}
