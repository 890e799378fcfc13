/** Structured reading of CVs and job offers: text in, `CvProfile` / `OfferProfile` out. */
export { detectLanguage } from './detect-language';
export { createEmptyCvProfile, parseCv } from './parse-cv';
export { createEmptyOfferProfile, normaliseContract, parseOffer } from './parse-offer';
export * from './schemas';
