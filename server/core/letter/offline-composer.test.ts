import { describe, expect, it } from 'vitest';
import {
  briefFromTexts,
  SHARED_PAIRS as PAIRS,
  readSynthetic as read,
} from '../../../test/support/shared-data';
import { foldText } from '../text/fold';
import { briefSourceText } from './brief';
import { checkGrounding } from './grounding';
import { composeOfflineLetterParts } from './offline-composer';
import { LENGTHS, type LetterOptions, TONES } from './options';

function write(
  id: string,
  options: Partial<LetterOptions> & Pick<LetterOptions, 'careerChange'>,
  cvExtra = '',
) {
  const cvText = read(`cv-${id}.txt`) + cvExtra;
  const offerText = read(`offer-${id}.txt`);
  const brief = briefFromTexts(cvText, offerText, options);
  const letter = composeOfflineLetterParts(brief);
  return { brief, letter, cvText, offerText };
}

describe('the offline writer on every shared CV/offer pair', () => {
  for (const pair of PAIRS) {
    for (const language of ['fr', 'en'] as const) {
      it(`pair ${pair.id} in ${language}: complete, grounded letters in every tone and length`, () => {
        for (const length of LENGTHS) {
          const texts = new Set<string>();
          for (const tone of TONES) {
            const { brief, letter, cvText, offerText } = write(pair.id, {
              careerChange: pair.careerChange,
              tone,
              length,
              language,
            });
            const where = `${pair.id}/${language}/${tone}/${length}`;
            // Length: the body within ±20 % of the target.
            expect(letter.bodyWords, where).toBeGreaterThanOrEqual(brief.targetWords * 0.8);
            expect(letter.bodyWords, where).toBeLessThanOrEqual(brief.targetWords * 1.2);
            // Conventions of the language, consistent with each other.
            expect(letter.salutation).toBe(brief.conventions.salutation);
            expect(letter.text).toContain(brief.conventions.closing);
            if (language === 'fr') {
              expect(letter.text, where).toMatch(/^Objet : /m);
              expect(brief.conventions.closing, where).toContain(letter.salutation.replace(/,$/, ''));
            } else {
              expect(letter.salutation, where).toMatch(/^Dear /);
              expect(letter.closing, where).toMatch(/^(Yours sincerely|Yours faithfully|Kind regards),$/);
            }
            // The company and the role are named.
            const folded = foldText(letter.text);
            if (brief.target.company) expect(folded, where).toContain(foldText(brief.target.company));
            expect(folded, where).toContain(foldText(brief.target.role).split(' ')[0]);
            // At least two CV facts as proof, and nothing from outside the sources.
            expect(letter.usedFactIds.length, where).toBeGreaterThanOrEqual(2);
            const report = checkGrounding(letter.text, {
              cvText,
              offerText,
              briefText: briefSourceText(brief),
            });
            expect(report.unsupported, where).toEqual([]);
            texts.add(letter.text);
          }
          expect(texts.size, `${pair.id}/${language}/${length}: one text per tone`).toBe(TONES.length);
        }
      });
    }
  }

  it('writes the same letter for the same inputs', () => {
    const options = { careerChange: PAIRS[0]!.careerChange };
    expect(write('01', options).letter.text).toBe(write('01', options).letter.text);
  });
});

describe('the analyses change the letter', () => {
  it('weaves in a must-have keyword once the CV shows it', () => {
    const options = { careerChange: { from: 'infirmier', to: 'data analyst' } };
    const before = write('01', options);
    expect(before.brief.missingKeywords.length).toBeGreaterThan(0);
    const missing = before.brief.missingKeywords[0]!;
    expect(foldText(before.letter.text)).not.toContain(foldText(missing));
    const after = write('01', options, `\nCOMPÉTENCES COMPLÉMENTAIRES\n${missing}\n`);
    expect(after.brief.missingKeywords).not.toContain(missing);
    expect(after.brief.keywordsToCover).toContain(missing);
    expect(foldText(after.letter.text)).toContain(foldText(missing));
  });

  it('sounds lighter when Mirror Match reads an informal start-up offer', () => {
    const formal = write('01', { careerChange: { from: 'infirmier', to: 'data analyst' } });
    const startupOffer = `${read('offer-01.txt')}\nChez nous, on se tutoie : tu rejoins une start-up en pleine croissance, ambiance fun, afterworks et flex office. Ton impact sera direct !`;
    const cvText = read('cv-01.txt');
    const brief = briefFromTexts(cvText, startupOffer);
    expect(brief.register.formality).toBe('informal');
    expect(brief.register.offerAddress).toBe('tu');
    const informal = composeOfflineLetterParts(brief);
    expect(informal.text).not.toBe(formal.letter.text);
    // Still "vous" in a French letter, but the formula is no longer the stiffest one.
    expect(informal.closing).not.toBe(formal.letter.closing);
    expect(informal.text).not.toMatch(/(?<!\p{L})(tu|te|toi|ton|ta|tes)(?!\p{L})/iu);
  });
});
