// Quality measure for extraction: which share of a reference text's words the extracted text
// contains (as a multiset, case-insensitive), whatever the order or line breaks.

const wordsOf = (text: string) =>
  (text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];

/** Share (0–1) of the reference's word occurrences found in the extracted text, and the words missed. */
export function scoreWordRecall(reference: string, extracted: string): { recall: number; missing: string[] } {
  const available = new Map<string, number>();
  for (const word of wordsOf(extracted)) available.set(word, (available.get(word) ?? 0) + 1);
  const expected = wordsOf(reference);
  const missing: string[] = [];
  for (const word of expected) {
    const count = available.get(word) ?? 0;
    if (count > 0) available.set(word, count - 1);
    else missing.push(word);
  }
  return { recall: expected.length === 0 ? 1 : 1 - missing.length / expected.length, missing };
}
