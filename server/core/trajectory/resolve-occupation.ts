import { findOccupation, type Occupation, splitGenderedLabel } from '../taxonomy';
import { buildPhraseKey, type Language } from '../text';
import type { OccupationMatchKind, ResolvedOccupation } from './schemas';

const foldKey = (label: string) => buildPhraseKey(label, 'fr', 'fold');

function labelKeys(labels: readonly string[]): Set<string> {
  return new Set(labels.flatMap((label) => splitGenderedLabel(label).map(foldKey)));
}

/** How the text relates to the occupation found for it: its own label, an appellation, or neither. */
function matchKind(text: string, occupation: Occupation): OccupationMatchKind {
  const key = foldKey(text);
  if (labelKeys([occupation.labelEn, occupation.labelFr]).has(key)) return 'label';
  if (labelKeys(occupation.altLabels).has(key)) return 'alternative';
  return 'approximate';
}

/** Places an occupation written freely; falls back on other titles (the offer's, the CV's) in order. */
export function resolveOccupation(
  input: string,
  fallbacks: readonly { title: string | null | undefined; match: OccupationMatchKind }[],
): { occupation: Occupation | undefined; match: OccupationMatchKind } {
  const direct = input.trim() ? findOccupation(input) : undefined;
  if (direct) return { occupation: direct, match: matchKind(input, direct) };
  for (const fallback of fallbacks) {
    const title = fallback.title?.trim();
    const occupation = title ? findOccupation(title) : undefined;
    if (occupation) return { occupation, match: fallback.match };
  }
  return { occupation: undefined, match: 'none' };
}

/** The output shape of a resolved occupation, labelled in the output language. */
export function describeOccupation(
  input: string,
  resolved: { occupation: Occupation | undefined; match: OccupationMatchKind },
  language: Language,
): ResolvedOccupation {
  const occupation = resolved.occupation;
  if (!occupation) return { input, id: null, label: null, source: null, match: 'none' };
  const preferred = language === 'fr' ? occupation.labelFr : occupation.labelEn;
  return {
    input,
    id: occupation.id,
    label: preferred || occupation.labelFr || occupation.labelEn,
    source: occupation.source,
    match: resolved.match,
  };
}
