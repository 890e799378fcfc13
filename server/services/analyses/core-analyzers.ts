/**
 * The deterministic analyzers of core/, adapted to the analysis use case's common input. Mirror,
 * coach and trajectory pass their report through the AI engine's enrichment (a no-op offline).
 */
import { type AtsReport, analyzeAts, limitAtsReportForFreePlan } from '../../core/ats';
import { coachLetter } from '../../core/coach';
import type { CoachReport } from '../../core/coach/schemas';
import { AppError } from '../../core/errors';
import { analyzeMirror } from '../../core/mirror';
import type { MirrorReport } from '../../core/mirror/schemas';
import { buildTrajectory } from '../../core/trajectory';
import type { Trajectory } from '../../core/trajectory/schemas';
import type { AiEngine, EnrichmentContext } from '../../ports/ai-engine';
import type { AnalysisKind } from '../../ports/analysis-store';
import type { Clock } from '../../ports/clock';
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

/** With a model engine, a report counts as complete once the model's part is in it. */
const completeWhen = (
  engine: AiEngine,
  enriched: (result: never) => boolean,
): Pick<Analyzer, 'isComplete'> =>
  engine.name === 'offline' ? {} : { isComplete: (result) => enriched(result as never) };

/** Who the model must not learn about: the candidate's name, read from the CV. */
const contextOf = (s: AnalysisSources): EnrichmentContext => ({
  language: s.language ?? s.offer?.language ?? s.cv?.language ?? 'fr',
  names: [s.cv?.name].filter((name): name is string => Boolean(name)),
});

export const mirrorAnalyzer = (engine: AiEngine): Analyzer => ({
  version: 'mirror-1',
  requires: ['offerText'],
  engine: engine.name,
  ...completeWhen(engine, (report: MirrorReport) => Boolean(report.cultureSummary)),
  run: (s) =>
    engine.enrich.mirror(
      analyzeMirror({
        offerText: s.offerText!,
        ...optional(s, 'companyPageText'),
        ...optional(s, 'cvText'),
        ...optional(s, 'letterText'),
        ...optional(s, 'language'),
      }),
      contextOf(s),
    ),
});

export const coachAnalyzer = (engine: AiEngine): Analyzer => ({
  version: 'coach-1',
  requires: ['letterText'],
  engine: engine.name,
  // Only findings that point at a sentence get a rewrite; a report without one is complete as is.
  ...completeWhen(
    engine,
    (report: CoachReport) =>
      report.findings.some((f) => f.rewrite) || report.findings.every((f) => f.sentence === null),
  ),
  run: (s) =>
    engine.enrich.coach(
      coachLetter({
        letterText: s.letterText!,
        ...optional(s, 'cvText'),
        ...optional(s, 'offerText'),
        ...optional(s, 'language'),
        ...(s.tone ? { tone: s.tone as never } : {}),
        ...(s.offer?.company ? { company: s.offer.company } : {}),
      }),
      contextOf(s),
    ),
});

export const limitAtsForFree = (report: unknown) => limitAtsReportForFreePlan(report as AtsReport);

/** The trajectory counts months of experience up to today (the clock's month). */
export const trajectoryAnalyzer = (engine: AiEngine, clock: Clock): Analyzer => ({
  version: 'trajectory-1',
  requires: ['cvText'],
  engine: engine.name,
  ...completeWhen(engine, (trajectory: Trajectory) => Boolean(trajectory.advice)),
  run: (s) => {
    // The career change as the user states it, else as the CV and the offer tell it.
    const from = s.from ?? s.cv?.experiences[0]?.title ?? s.cv?.headline ?? undefined;
    const to = s.to ?? s.offer?.title ?? undefined;
    if (!from || !to)
      throw new AppError(
        'validation_failed',
        {
          fr: 'Indiquez le métier actuel et le métier visé (ou joignez une offre).',
          en: 'Give the current job and the target job (or attach an offer).',
        },
        {
          fields: [
            ...(from ? [] : [{ field: 'from', message: 'required' }]),
            ...(to ? [] : [{ field: 'to', message: 'required' }]),
          ],
        },
      );
    const language = s.language ?? s.cv?.language ?? 'fr';
    const trajectory = buildTrajectory({
      from,
      to,
      cvText: s.cvText!,
      ...(s.cv ? { cv: s.cv } : {}),
      ...optional(s, 'offerText'),
      language,
      asOf: clock.now().toISOString().slice(0, 7),
    });
    return engine.enrich.trajectory(trajectory, { ...contextOf(s), language });
  },
});

/** Transferable skills come from the AI engine's task (deterministic offline, reworded by a model). */
export function transferableSkillsAnalyzer(engine: AiEngine, clock: Clock): Analyzer {
  return {
    version: 'transferable-skills-1',
    requires: ['cv', 'offer', 'cvText', 'offerText'],
    engine: engine.name,
    run: async (s) => ({
      skills: await engine.suggestTransferableSkills({
        cv: s.cv!,
        offer: s.offer!,
        cvText: s.cvText!,
        offerText: s.offerText!,
        language: s.language ?? s.offer?.language ?? 'fr',
        today: clock.now(),
      }),
    }),
  };
}

export function createAnalyzers(engine: AiEngine, clock: Clock): Record<AnalysisKind, Analyzer> {
  return {
    ats: atsAnalyzer,
    mirror: mirrorAnalyzer(engine),
    coach: coachAnalyzer(engine),
    trajectory: trajectoryAnalyzer(engine, clock),
    transferable_skills: transferableSkillsAnalyzer(engine, clock),
  };
}
