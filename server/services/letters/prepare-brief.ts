/**
 * Everything feeds the letter (DESIGN §4): the ATS keywords the CV can back up, the keywords it
 * lacks (never to be claimed), the register Mirror Match reads in the offer, and the transferable
 * skills the user kept — all computed deterministically here and handed to the brief.
 */
import { createHash } from 'node:crypto';
import { analyzeAts } from '../../core/ats';
import { type BriefAnalyses, buildLetterBrief, type LetterBrief } from '../../core/letter/brief';
import { analyzeMirror, toBriefRegister } from '../../core/mirror';
import type { BriefInput } from './letter-deps';

const MAX_KEYWORDS = 8;

type TextAnalyses = Pick<BriefAnalyses, 'keywordsToCover' | 'missingKeywords' | 'register'>;
type TextInput = Pick<BriefInput, 'cvText' | 'offerText' | 'options'>;

/** What the CV and offer texts alone say (ATS keywords, register): the costly part of a brief. */
function analyseTexts(input: TextInput): TextAnalyses {
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
  };
}

/** The analyses' contribution to the brief. */
export function analysesForBrief(
  input: TextInput & Pick<BriefInput, 'keptSkills'>,
  textAnalyses: (input: TextInput) => TextAnalyses = analyseTexts,
): BriefAnalyses {
  return {
    ...textAnalyses(input),
    ...(input.keptSkills?.length ? { transferableSkills: input.keptSkills } : {}),
  };
}

export function prepareLetterBrief(
  input: BriefInput,
  textAnalyses: (input: TextInput) => TextAnalyses = analyseTexts,
): LetterBrief {
  return buildLetterBrief({
    cv: input.cv,
    offer: input.offer,
    options: input.options,
    analyses: analysesForBrief(input, textAnalyses),
    today: input.today,
    sources: { cvText: input.cvText, offerText: input.offerText },
  });
}

/**
 * A brief preparer that remembers the text analyses of the last `size` CV/offer pairs: a second
 * letter for the same offer (another tone, a rewrite) skips the ≈ 7 ms of ATS and Mirror work
 * that would otherwise sit between the request and the first streamed word. Keyed by a hash of
 * both texts and the language, so an edited document is analysed afresh.
 */
export function createBriefPreparer(size = 500): (input: BriefInput) => LetterBrief {
  const remembered = new Map<string, TextAnalyses>();
  const cached = (input: TextInput): TextAnalyses => {
    const key = createHash('sha256')
      .update(input.options.language)
      .update('\0')
      .update(input.cvText)
      .update('\0')
      .update(input.offerText)
      .digest('base64');
    const hit = remembered.get(key);
    if (hit) {
      // Least recently used goes first: move the hit to the end of the Map's order.
      remembered.delete(key);
      remembered.set(key, hit);
      return hit;
    }
    const fresh = analyseTexts(input);
    remembered.set(key, fresh);
    if (remembered.size > size) remembered.delete(remembered.keys().next().value as string);
    return fresh;
  };
  return (input) => prepareLetterBrief(input, cached);
}
