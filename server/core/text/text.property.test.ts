/**
 * Property-based tests (fast-check) of the text toolkit and the ATS Analyzer built on it: random
 * and hostile texts (control characters, lone surrogates, inclusive forms, elisions, huge tokens)
 * never throw, offsets always point back into the text, and the same input gives the same output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAts } from '../ats';
import {
  buildNgrams,
  detectLanguage,
  foldText,
  normalizeSkillAlias,
  splitSentences,
  stemWord,
  tokenize,
} from './index';

/** Texts that look like CVs and offers, mixed with what breaks naive code. */
const pieces = fc.constantFrom(
  'développeur·se',
  'H/F',
  '(F/H/X)',
  "l'expérience",
  'qu’il',
  'aide-soignant(e)',
  'C++',
  'C#',
  'Node.js',
  'K8s',
  '\u0000',
  '\u0007',
  '\u202e',
  '\ud800',
  '\udfff',
  '\r\n',
  '\n\n',
  '•',
  ' ',
  '.',
  '?',
  'É',
  'ß',
  '🙂',
  '1 200 €',
);
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 120 })
    .map((parts) => parts.join(' ')),
  fc.array(pieces, { maxLength: 200 }).map((parts) => parts.join('')),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'a'.repeat(n)),
);
const runs = { numRuns: Number(process.env.FUZZ_RUNS ?? 200), seed: 2026 };

describe('the text toolkit on random and hostile text', () => {
  it('tokenizes without throwing; every token points at its own place in the text', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('fr', 'en', undefined), (text, language) => {
        const tokens = tokenize(text, language as 'fr' | 'en' | undefined);
        let previousEnd = 0;
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.text.length).toBeGreaterThan(0);
          previousEnd = token.start;
        }
        expect(tokenize(text, language as 'fr' | 'en' | undefined)).toEqual(tokens);
      }),
      runs,
    );
  });

  it('splits sentences inside the text, in order, never empty', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let previousEnd = 0;
        for (const sentence of splitSentences(text)) {
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          expect(sentence.end).toBeLessThanOrEqual(text.length);
          expect(sentence.text.trim()).not.toBe('');
          previousEnd = sentence.end;
        }
      }),
      runs,
    );
  });

  it('folds, stems, detects the language and builds n-grams of anything', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const folded = foldText(text);
        expect(foldText(folded)).toBe(folded);
        expect(['fr', 'en']).toContain(detectLanguage(text));
        const words = tokenize(text).map((token) => token.fold);
        for (const word of words.slice(0, 50)) {
          expect(typeof stemWord(word, 'fr')).toBe('string');
          expect(typeof stemWord(word, 'en')).toBe('string');
          expect(typeof normalizeSkillAlias(word)).toBe('string');
        }
        for (const gram of buildNgrams(words.slice(0, 50), 1, 3))
          expect(gram.split(' ').length).toBeLessThanOrEqual(3);
      }),
      runs,
    );
  });

  it('scores any offer against any CV between 0 and 100, the same twice', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (offerText, cvText) => {
        if (offerText.trim() === '') return;
        const report = analyzeAts({ offerText, cvText });
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(100);
        expect(analyzeAts({ offerText, cvText }).score).toBe(report.score);
      }),
      { ...runs, numRuns: Math.ceil(runs.numRuns / 4) },
    );
  });
});
