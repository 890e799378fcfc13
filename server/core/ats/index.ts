// ATS Analyzer: offer keywords, matching against the CV and letter, score with breakdown, fixes.
export {
  analyzeAts,
  CATEGORY_WEIGHTS,
  limitAtsReportForFreePlan,
  MATCH_CREDITS,
  PARSEABILITY_PENALTIES,
} from './analyze-ats';
export {
  analyzeOffer,
  cleanJobTitle,
  extractOfferKeywords,
  isCodeLike,
  type OfferAnalysis,
  SECTION_WEIGHTS,
} from './extract-offer-keywords';
export { classifyHeading, findOfferTitle, type OfferSegment, segmentOffer } from './offer-sections';
export * from './schemas';
