/**
 * Mirror Match: reads an offer (and optionally the company's page) for its register, stated
 * values and own vocabulary, then measures how far the CV and the letter echo them.
 */
import { AppError } from '../errors';
import { type MirrorTerm, measureAlignment } from './alignment';
import { detectRegister } from './register';
import {
  type BriefRegister,
  type MirrorInput,
  MirrorInputSchema,
  type MirrorReport,
  type StatedValue,
} from './schemas';
import { detectLanguageLight } from './text-helpers';
import { recommendTone } from './tone';
import { extractStatedValues } from './values';
import { extractVocabulary } from './vocabulary';

const WORDS_TO_REUSE = 12;
const VOCABULARY_IN_SCORE = 15;

/** Analyses an offer's register, values and vocabulary and how well the CV/letter mirror them. */
export function analyzeMirror(input: MirrorInput): MirrorReport {
  const parsed = MirrorInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'invalid_request',
      { fr: "Mirror Match a besoin du texte de l'offre.", en: 'Mirror Match needs the text of the offer.' },
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  const { offerText, companyPageText, cvText, letterText } = parsed.data;
  const language = parsed.data.language ?? detectLanguageLight(offerText);

  const register = detectRegister({ offerText, companyPageText }, language);
  const values = dedupeValues([
    ...extractStatedValues(offerText, language, 'offer'),
    ...(companyPageText ? extractStatedValues(companyPageText, language, 'companyPage') : []),
  ]);
  const valueKeys = new Set(values.map((v) => v.value.toLowerCase()));
  const vocabulary = extractVocabulary(
    companyPageText ? [offerText, companyPageText] : [offerText],
    language,
    25,
  ).filter((t) => !valueKeys.has(t.term));

  const terms: MirrorTerm[] = [
    ...values.map((v) => ({ term: v.value, kind: 'value' as const })),
    ...vocabulary.slice(0, VOCABULARY_IN_SCORE).map((v) => ({ term: v.term, kind: 'word' as const })),
  ];
  const title = offerText
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .slice(0, 2)
    .join(' ');

  return {
    language,
    register,
    values,
    vocabulary,
    alignment: {
      cv: cvText ? measureAlignment(cvText, terms, language) : null,
      letter: letterText ? measureAlignment(letterText, terms, language) : null,
    },
    recommendedTone: recommendTone(register, title, language),
    wordsToReuse: [...values.map((v) => v.value), ...vocabulary.map((v) => v.term)].slice(0, WORDS_TO_REUSE),
  };
}

/** The register part of the letter brief: what the writer must match and echo. */
export function toBriefRegister(report: MirrorReport): BriefRegister {
  return {
    formality: report.register.formality.value,
    address: report.register.address.value,
    sector: report.register.sector.value,
    wordsToReuse: report.wordsToReuse,
    values: report.values.map((v) => v.value),
  };
}

function dedupeValues(values: StatedValue[]): StatedValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.value.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
