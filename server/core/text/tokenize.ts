import { z } from 'zod';
import { foldText } from './fold';
import type { Language } from './language';

/** A word of the source text: its surface form, lowercased and folded forms, and offsets (end exclusive). */
export const TokenSchema = z.object({
  text: z.string(),
  lower: z.string(),
  fold: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** True when punctuation or a line break separates this token from the previous one. */
  breakBefore: z.boolean(),
});
export type Token = z.infer<typeof TokenSchema>;

// Letters/digits joined by apostrophes, middle dots, dots, hyphens or slashes form one raw word,
// which is then split by the rules below; "C++" and "C#" keep their symbols.
const RAW_WORD = /[\p{L}\p{N}]+(?:['’·•.\-‐/][\p{L}\p{N}]+)*(?:\+\+|#)?/gu;

// "Rattaché(e)", "aide-soignant(e)", "technicien(ne)": the bracketed feminine ending is blanked
// (same length, so offsets hold) before scanning.
const BRACKET_INCLUSIVE =
  /(?<=\p{L})\((?:e|es|ne|nes|se|ses|le|les|te|tes|euse|euses|rice|rices|trice|trices|ère|ères|ve|ves|x|s)\)s?/giu;

// Endings of inclusive forms after a middle dot or a dot: "développeur·se", "salarié.es", "utilisateur·rices".
const FEMININE_ENDINGS = new Set([
  'e',
  'es',
  'se',
  'ses',
  'euse',
  'euses',
  'rice',
  'rices',
  'trice',
  'trices',
  'ice',
  'ices',
  'ère',
  'ères',
  'ere',
  'eres',
  'ne',
  'nes',
  'le',
  'les',
  'te',
  'tes',
  've',
  'ves',
  'fe',
  'fes',
  'x',
  's',
  'e·s',
  'ive',
  'ives',
]);

// French elided articles and pronouns: "l'expérience" → "expérience".
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'n',
  's',
  'c',
  'm',
  't',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

// Gender markers of job titles carry no meaning for matching.
const GENDER_MARKERS = new Set(['h/f', 'f/h', 'f/h/x', 'h/f/x', 'x/f/h', 'm/f', 'f/m', 'm/w/d', 'm/f/d']);

// Punctuation that ends a phrase: a keyword never spans it.
const PHRASE_BREAK = /[,;:.!?()[\]{}•▪●◦|/\n\r\t"“”«»]/;
// A dash or middle dot breaks a phrase only with spaces around it: "front-end" stays one phrase.
const SPACED_BREAK = /\s[-–—·]|[-–—·]\s/;

const JOINERS = /['’·•.\-‐/]/;

interface Piece {
  text: string;
  start: number;
}

/** Splits a raw word on hyphens, inclusive dots, elisions and slashes into pieces with offsets. */
function splitRawWord(raw: string, start: number, language: Language | undefined): Piece[] {
  // Most words have no joiner at all.
  if (!JOINERS.test(raw)) return [{ text: raw, start }];
  let word = raw;
  let offset = start;
  // Elision: drop the elided article, keep the word.
  const apostrophe = word.search(/['’]/);
  if (apostrophe > 0) {
    const head = word.slice(0, apostrophe).toLowerCase();
    if (ELISIONS.has(head) && /\p{L}/u.test(word.charAt(apostrophe + 1))) {
      word = word.slice(apostrophe + 1);
      offset += apostrophe + 1;
    } else if (language !== 'fr' && /['’]s$/i.test(word)) {
      // English possessive: "Council's" → "Council".
      word = word.slice(0, -2);
    }
  }
  // Inclusive writing with a middle dot: keep the base word only.
  const middleDot = word.search(/[·•]/);
  if (middleDot > 0) word = word.slice(0, middleDot);
  // Inclusive writing with a dot ("salarié.es"), but not "Next.js" or "2.5".
  const dotParts = word.split('.');
  if (dotParts.length > 1 && dotParts.slice(1).every((part) => FEMININE_ENDINGS.has(part.toLowerCase()))) {
    word = dotParts[0] ?? word;
  }
  const pieces: Piece[] = [];
  // A slash between single letters is one symbol ("A/B", "H/F"); otherwise it separates alternatives.
  const slashParts = word.split('/');
  const keepSlash = slashParts.length > 1 && slashParts.every((part) => part.length === 1);
  const alternatives = keepSlash ? [word] : slashParts;
  let cursor = offset;
  // Hyphenated halves ("front-end" ~ "front end") and alternatives ("UX/UI", "B1V/BR") stay one phrase.
  for (const alternative of alternatives) {
    let hyphenCursor = cursor;
    alternative.split(/[-‐]/).forEach((part) => {
      if (part.length > 0) pieces.push({ text: part, start: hyphenCursor });
      hyphenCursor += part.length + 1;
    });
    cursor += alternative.length + 1;
  }
  return pieces;
}

/**
 * Splits a text into words, keeping accents and offsets: French elisions are removed
 * ("l'expérience" → "expérience"), inclusive forms are reduced to their base word
 * ("développeur·se", "utilisateur·rices", "Rattaché(e)"), H/F markers are dropped, hyphenated words
 * are split, and "C++", "Next.js", "A/B" survive whole.
 */
export function tokenize(text: string, language?: Language): Token[] {
  const scanned = text.includes('(')
    ? text.replace(BRACKET_INCLUSIVE, (match) => ' '.repeat(match.length))
    : text;
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of scanned.matchAll(RAW_WORD)) {
    const raw = match[0];
    const rawStart = match.index;
    if (raw.includes('/') && GENDER_MARKERS.has(raw.toLowerCase())) continue;
    for (const [pieceIndex, piece] of splitRawWord(raw, rawStart, language).entries()) {
      // Most gaps are one space: no need to run the break patterns on them.
      const gap =
        piece.start - previousEnd === 1 && scanned.charCodeAt(previousEnd) === 32
          ? ' '
          : scanned.slice(previousEnd, piece.start);
      const lower = piece.text.toLowerCase();
      tokens.push({
        text: piece.text,
        lower,
        fold: foldText(lower),
        start: piece.start,
        end: piece.start + piece.text.length,
        breakBefore:
          tokens.length === 0 ||
          (pieceIndex === 0 && gap !== ' ' && (PHRASE_BREAK.test(gap) || SPACED_BREAK.test(gap))),
      });
      previousEnd = piece.start + piece.text.length;
    }
  }
  return tokens;
}
