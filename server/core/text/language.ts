import { franc } from 'franc-min';
import type { Language } from '../profile/schemas';

export type { Language } from '../profile/schemas';

// Frequent function words: on a line or two franc's trigrams are unreliable, these are not.
const FR_MARKERS = new Set(
  'le la les des du de et est une un pour avec dans vous nous sur au aux par qui que en je mon ma mes nos votre vos ce cette ne pas'.split(
    ' ',
  ),
);
const EN_MARKERS = new Set(
  'the and of to with for is are you we in on a an our your this that be as at by from will have has i my'.split(
    ' ',
  ),
);

/** Short texts below this length are decided by the marker heuristic, not by trigrams. */
const MIN_FRANC_LENGTH = 40;

/** Guesses whether a text is French or English (French when undecidable: the product's first language). */
export function detectLanguage(text: string): Language {
  // Trigram scoring is linear in the text: 1,500 characters decide as well as a whole CV.
  const sample = text.length > 1500 ? text.slice(0, 1500) : text;
  // Function words settle most CVs and offers at once; trigrams only break close calls.
  const markers = countMarkers(sample);
  if (
    Math.max(markers.fr, markers.en) >= 8 &&
    Math.max(markers.fr, markers.en) >= 3 * Math.min(markers.fr, markers.en)
  ) {
    return markers.en > markers.fr ? 'en' : 'fr';
  }
  if (sample.trim().length >= MIN_FRANC_LENGTH) {
    const guess = franc(sample, { only: ['fra', 'eng'], minLength: MIN_FRANC_LENGTH });
    if (guess === 'fra') return 'fr';
    if (guess === 'eng') return 'en';
  }
  return guessLanguageByMarkers(sample);
}

/** Counts French vs English function words and accents; ties go to French. */
export function guessLanguageByMarkers(text: string): Language {
  const { fr, en } = countMarkers(text);
  return en > fr ? 'en' : 'fr';
}

function countMarkers(text: string): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FR_MARKERS.has(word)) fr++;
    if (EN_MARKERS.has(word)) en++;
  }
  fr += (text.match(/[éèêàçùœ]/gi)?.length ?? 0) * 0.5;
  return { fr, en };
}
