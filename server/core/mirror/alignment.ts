/**
 * How far a candidate text (CV or letter) mirrors the offer: each stated value and vocabulary
 * term is looked up by light stems (every content word of the term, within a short window), so
 * "bienveillante" does not count for "bienveillance" but "valeurs" counts for "valeur".
 */
import type { Language } from '../profile/schemas';
import type { Alignment, MirrorHit } from './schemas';
import {
  createStemmer,
  foldText,
  isStopWord,
  stemLight,
  type Token,
  tokenizeWithOffsets,
} from './text-helpers';

/** A term to look for, with its weight in the score (values count double). */
export interface MirrorTerm {
  term: string;
  kind: 'value' | 'word';
}

/** Finds the occurrences of a multi-word term: all its content stems within a 6-word window. */
export function findTerm(
  term: string,
  tokens: Token[],
  stems: string[],
  language: Language,
): MirrorHit['positions'] {
  const parts = tokenizeWithOffsets(term)
    .filter((t) => !isStopWord(t.lower, language) || tokenizeWithOffsets(term).length === 1)
    .map((t) => stemLight(t.lower, language));
  if (parts.length === 0) return [];
  const out: MirrorHit['positions'] = [];
  for (let i = 0; i < stems.length && out.length < 3; i++) {
    if (stems[i] !== parts[0]) continue;
    let last = i;
    let ok = true;
    for (const p of parts.slice(1)) {
      let found = -1;
      for (let j = last + 1; j <= Math.min(stems.length - 1, i + 6); j++) {
        if (stems[j] === p) {
          found = j;
          break;
        }
      }
      if (found === -1) {
        ok = false;
        break;
      }
      last = found;
    }
    if (ok) {
      const a = tokens[i]!;
      const b = tokens[last]!;
      out.push({ text: a.text, start: a.start, end: b.end });
    }
  }
  return out;
}

/** Scores a candidate text against the offer's values (×2) and vocabulary (×1), 0–100. */
export function measureAlignment(candidateText: string, terms: MirrorTerm[], language: Language): Alignment {
  const tokens = tokenizeWithOffsets(candidateText);
  const stem = createStemmer(language);
  const stems = tokens.map((t) => stem(t.lower));
  const valuesFound: MirrorHit[] = [];
  const valuesAbsent: string[] = [];
  const wordsFound: MirrorHit[] = [];
  const wordsAbsent: string[] = [];
  let got = 0;
  let total = 0;
  for (const t of terms) {
    const weight = t.kind === 'value' ? 2 : 1;
    total += weight;
    const positions = findTerm(t.term, tokens, stems, language).map((p) => ({
      ...p,
      text: candidateText.slice(p.start, p.end),
    }));
    const hit: MirrorHit = { term: t.term, kind: t.kind, found: positions.length > 0, positions };
    if (hit.found) got += weight;
    if (t.kind === 'value') {
      if (hit.found) valuesFound.push(hit);
      else valuesAbsent.push(t.term);
    } else if (hit.found) wordsFound.push(hit);
    else wordsAbsent.push(t.term);
  }
  return {
    score: total === 0 ? 0 : Math.round((100 * got) / total),
    valuesFound,
    valuesAbsent,
    wordsFound,
    wordsAbsent,
  };
}

/** Whether a folded text contains a term's folded form (used for company names and titles). */
export function containsFolded(haystack: string, needle: string): boolean {
  const n = foldText(needle).trim();
  return n.length > 0 && foldText(haystack).includes(n);
}
