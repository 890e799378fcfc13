import { describe, expect, it } from 'vitest';
import { readSynthetic, TODAY } from '../../../test/support/shared-data';
import { parseCv, parseOffer } from '../../core/profile';
import type { BriefInput } from './letter-deps';
import { createBriefPreparer, prepareLetterBrief } from './prepare-brief';

function input(cvText: string, offerText: string, language: 'fr' | 'en' = 'fr'): BriefInput {
  return {
    cv: parseCv(cvText),
    offer: parseOffer(offerText),
    cvText,
    offerText,
    options: {
      careerChange: { from: 'infirmier', to: 'data analyst' },
      tone: 'formel',
      length: 'standard',
      language,
      answers: {},
    },
    today: TODAY,
  };
}

describe('the remembering brief preparer', () => {
  const cv = readSynthetic('cv-01.txt');
  const offer = readSynthetic('offer-01.txt');

  it('gives the same brief as the plain preparer, the first time and the next', () => {
    const prepare = createBriefPreparer(2);
    const expected = prepareLetterBrief(input(cv, offer));
    expect(prepare(input(cv, offer))).toEqual(expected);
    expect(prepare(input(cv, offer))).toEqual(expected);
  });

  it('analyses an edited CV afresh, and forgets the oldest pair beyond its size', () => {
    const prepare = createBriefPreparer(1);
    const before = prepare(input(cv, offer));
    const edited = `${cv}\nCompétences : SQL, Python, Power BI, Tableau, dbt`;
    const after = prepare(input(edited, offer));
    expect(after).toEqual(prepareLetterBrief(input(edited, offer)));
    expect(after).not.toEqual(before);
    // Size 1: the first pair was forgotten, and is recomputed to the same brief.
    expect(prepare(input(cv, offer))).toEqual(before);
  });
});
