/**
 * Everything feeds the letter (DESIGN §4): the ATS keywords the CV can back up, the keywords it
 * lacks (never to be claimed), the register Mirror Match reads in the offer, and the transferable
 * skills the user kept — all computed deterministically here and handed to the brief.
 */
import { analyzeAts } from '../../core/ats';
import { type BriefAnalyses, buildLetterBrief, type LetterBrief } from '../../core/letter/brief';
import { analyzeMirror, toBriefRegister } from '../../core/mirror';
import type { BriefInput } from './letter-deps';

const MAX_KEYWORDS = 8;

/** The analyses' contribution to the brief. */
export function analysesForBrief(
  input: Pick<BriefInput, 'cvText' | 'offerText' | 'keptSkills' | 'options'>,
): BriefAnalyses {
  const ats = analyzeAts({
    offerText: input.offerText,
    cvText: input.cvText,
    language: input.options.language,
  });
  const covered = ats.keywords
    .filter((k) => k.credit >= 0.99 && k.matches.some((m) => m.document === 'cv'))
    .sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight)
    // In the CV's own words: the letter then quotes what the candidate wrote.
    .map((k) => k.matches.find((m) => m.document === 'cv')?.text ?? k.term);
  const mirror = analyzeMirror({ offerText: input.offerText, cvText: input.cvText });
  return {
    keywordsToCover: [...new Set(covered)].slice(0, MAX_KEYWORDS),
    missingKeywords: ats.missing
      .filter((m) => m.required)
      .map((m) => m.term)
      .slice(0, MAX_KEYWORDS),
    register: toBriefRegister(mirror),
    ...(input.keptSkills?.length ? { transferableSkills: input.keptSkills } : {}),
  };
}

export function prepareLetterBrief(input: BriefInput): LetterBrief {
  return buildLetterBrief({
    cv: input.cv,
    offer: input.offer,
    options: input.options,
    analyses: analysesForBrief(input),
    today: input.today,
    sources: { cvText: input.cvText, offerText: input.offerText },
  });
}
