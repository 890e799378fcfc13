/**
 * The shared test data (../shared/data/synthetic) and the letter brief built from a CV and an offer
 * as the generation service builds it: one place for unit tests and benchmarks to read them.
 */
import { readFileSync } from 'node:fs';
import type { LetterOptions } from '../../server/core/letter/options';
import { parseCv, parseOffer } from '../../server/core/profile';
import { prepareLetterBrief } from '../../server/services/letters/prepare-brief';

const SYNTHETIC = new URL('../../../shared/data/synthetic/', import.meta.url);

export const readSynthetic = (name: string) => readFileSync(new URL(name, SYNTHETIC), 'utf8');

export interface SharedPair {
  id: string;
  careerChange: { from: string; to: string };
}

/** The 12 career-changer CV/offer pairs, `cv-<id>.txt` with `offer-<id>.txt`. */
export const SHARED_PAIRS: SharedPair[] = JSON.parse(readSynthetic('pairs.json')).pairs;

/** A fixed "today", so that dates in letters and durations in CVs do not move. */
export const TODAY = new Date('2026-11-25T10:00:00Z');

const DEFAULT_OPTIONS: LetterOptions = {
  careerChange: { from: 'infirmier', to: 'data analyst' },
  tone: 'formel',
  length: 'standard',
  language: 'fr',
  answers: {},
};

export function briefFromTexts(cvText: string, offerText: string, options: Partial<LetterOptions> = {}) {
  return prepareLetterBrief({
    cv: parseCv(cvText),
    offer: parseOffer(offerText),
    cvText,
    offerText,
    options: { ...DEFAULT_OPTIONS, ...options },
    today: TODAY,
  });
}
