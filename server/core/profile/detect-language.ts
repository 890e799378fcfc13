/**
 * French or English, from stop words. Deliberately tiny and dependency-free: the reader only
 * needs to pick between the two languages the product writes in, and must work on 10 words.
 */
import type { Language } from './schemas';

const FRENCH = new Set(
  'le la les des du de et en un une pour avec dans sur vous nous est au aux par qui que ce cette ses son sa nos notre votre vos ou où pas plus je tu il elle depuis chez mois ans entre très être expérience expériences compétences formation langues profil poste'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and of to in for with on an is are you we our your at by from as be this that will have has my i me it was were years year who what which into about their they can experience skills education summary built led'.split(
    ' ',
  ),
);

/** "fr" or "en" by stop-word count; accents tip a tie towards French (the product's first language). */
export function detectLanguage(text: string): Language {
  let fr = 0;
  let en = 0;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FRENCH.has(word)) fr++;
    if (ENGLISH.has(word)) en++;
  }
  fr += Math.min(5, (sample.match(/[éèêàçù]/g) ?? []).length / 10);
  return en > fr ? 'en' : 'fr';
}
