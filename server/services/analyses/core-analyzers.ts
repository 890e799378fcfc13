/** The deterministic analyzers of core/, adapted to the analysis use case's common input. */
import { type AtsReport, analyzeAts, limitAtsReportForFreePlan } from '../../core/ats';
import { coachLetter } from '../../core/coach';
import { analyzeMirror } from '../../core/mirror';
import type { AnalysisSources, Analyzer } from './analysis-service';

const optional = <K extends keyof AnalysisSources>(sources: AnalysisSources, key: K) =>
  sources[key] !== undefined ? { [key]: sources[key] } : {};

export const atsAnalyzer: Analyzer = {
  version: 'ats-1',
  requires: ['offerText', 'cvText'],
  run: (s) =>
    analyzeAts({
      offerText: s.offerText!,
      cvText: s.cvText!,
      ...optional(s, 'letterText'),
      ...optional(s, 'language'),
      ...(s.cvFileReport ? { cvFileReport: s.cvFileReport as never } : {}),
    }),
};

export const mirrorAnalyzer: Analyzer = {
  version: 'mirror-1',
  requires: ['offerText'],
  run: (s) =>
    analyzeMirror({
      offerText: s.offerText!,
      ...optional(s, 'companyPageText'),
      ...optional(s, 'cvText'),
      ...optional(s, 'letterText'),
      ...optional(s, 'language'),
    }),
};

export const coachAnalyzer: Analyzer = {
  version: 'coach-1',
  requires: ['letterText'],
  run: (s) =>
    coachLetter({
      letterText: s.letterText!,
      ...optional(s, 'cvText'),
      ...optional(s, 'offerText'),
      ...optional(s, 'language'),
      ...(s.tone ? { tone: s.tone as never } : {}),
      ...(s.offer?.company ? { company: s.offer.company } : {}),
    }),
};

export const limitAtsForFree = (report: unknown) => limitAtsReportForFreePlan(report as AtsReport);
