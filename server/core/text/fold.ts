/**
 * Case and accent folding. Kept separate because every other text module (and the taxonomy build)
 * must fold exactly the same way, or precomputed keys stop matching.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lowercases a string, keeping accents ("Développeur" → "développeur"). */
export function lowerText(text: string): string {
  return text.toLowerCase();
}

/** Lowercases and strips accents, for accent-insensitive comparison ("Électrique" → "electrique"). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: most words are plain ASCII and need no decomposition.
  if (/^[\x00-\x7f]*$/.test(lower) && !lower.includes('`')) return lower;
  // œ/æ are ligatures, not accents: NFD leaves them, so they are expanded by hand.
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’ʼ`]/g, "'");
}
