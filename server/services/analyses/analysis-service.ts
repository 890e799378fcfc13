/**
 * The analyses (ATS, Mirror Match, Smart Coach, Trajectory, transferable skills) as use cases:
 * inputs resolved from the user's own documents and letters, plan checked, deterministic result
 * computed by core (the AI engine may enrich it), stored and reused while the inputs are unchanged.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Feature } from '../../core/plans/plans';
import type { CvProfile, OfferProfile } from '../../core/profile/schemas';
import type { AnalysisKind, AnalysisStore } from '../../ports/analysis-store';
import type { Clock } from '../../ports/clock';
import type { LetterStore } from '../../ports/document-stores';
import { type DocumentDeps, effectiveProfile, getDocument } from '../documents/document-service';
import { currentPlan, type PlanDeps, requireFeature } from '../plans/plan-service';

/** Everything an analysis may read; each analyzer uses what it needs. */
export interface AnalysisSources {
  cvText?: string;
  offerText?: string;
  letterText?: string;
  companyPageText?: string;
  cv?: CvProfile;
  offer?: OfferProfile;
  cvFileReport?: unknown;
  tone?: string;
  language?: 'fr' | 'en';
  /** Current occupation and the target one, for the trajectory. */
  from?: string;
  to?: string;
}

export interface Analyzer {
  /** Bumped when the analyzer changes, so stored results are recomputed. */
  version: string;
  /** What the analysis needs, to answer a clear 422 when it is missing. */
  requires: (keyof AnalysisSources)[];
  run(sources: AnalysisSources): unknown;
  /** Which engine answered, stored with the result (`core` unless the AI engine took part). */
  engine?: string;
  /**
   * False when a part that may come on a later try is missing (a model enrichment that failed):
   * such a result is answered but not kept, so the next request asks the model again.
   */
  isComplete?(result: unknown): boolean;
}

export interface AnalysisDeps {
  analyses: AnalysisStore;
  letters: LetterStore;
  documents: DocumentDeps;
  plans: PlanDeps;
  analyzers: Record<AnalysisKind, Analyzer>;
  clock: Clock;
  /** Trims a full ATS report to what the free plan shows (score and top 5 missing keywords). */
  limitAtsForFree(report: unknown): unknown;
}

export interface AnalysisRequest {
  cvDocumentId?: string | undefined;
  cvText?: string | undefined;
  offerDocumentId?: string | undefined;
  offerText?: string | undefined;
  letterId?: string | undefined;
  letterText?: string | undefined;
  companyPageText?: string | undefined;
  tone?: string | undefined;
  language?: 'fr' | 'en' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const FEATURE: Record<AnalysisKind, Feature> = {
  ats: 'ats_score',
  mirror: 'mirror',
  coach: 'coach',
  trajectory: 'trajectory',
  transferable_skills: 'transferable_skills',
};

const LABELS: Record<keyof AnalysisSources, { fr: string; en: string }> = {
  cvText: { fr: 'le CV', en: 'the CV' },
  offerText: { fr: 'l’offre', en: 'the offer' },
  letterText: { fr: 'la lettre', en: 'the letter' },
  companyPageText: { fr: 'la page de l’entreprise', en: 'the company page' },
  cv: { fr: 'le CV', en: 'the CV' },
  offer: { fr: 'l’offre', en: 'the offer' },
  cvFileReport: { fr: 'le fichier du CV', en: 'the CV file' },
  tone: { fr: 'le ton', en: 'the tone' },
  language: { fr: 'la langue', en: 'the language' },
  from: { fr: 'le métier actuel', en: 'the current job' },
  to: { fr: 'le métier visé', en: 'the target job' },
};

async function resolveSources(deps: AnalysisDeps, userId: string, request: AnalysisRequest) {
  const sources: AnalysisSources = {};
  let letterId: string | null = null;
  if (request.cvDocumentId) {
    const doc = await getDocument(deps.documents, userId, request.cvDocumentId);
    sources.cvText = doc.text;
    if (doc.kind === 'cv') sources.cv = effectiveProfile<CvProfile>(doc);
    if (doc.parseReport) sources.cvFileReport = doc.parseReport;
  } else if (request.cvText) {
    sources.cvText = request.cvText;
    sources.cv = deps.documents.readCv(request.cvText);
  }
  if (request.offerDocumentId) {
    const doc = await getDocument(deps.documents, userId, request.offerDocumentId);
    sources.offerText = doc.text;
    if (doc.kind === 'offer') sources.offer = effectiveProfile<OfferProfile>(doc);
  } else if (request.offerText) {
    sources.offerText = request.offerText;
    sources.offer = deps.documents.readOffer(request.offerText);
  }
  if (request.letterId) {
    const letter = await deps.letters.get(userId, request.letterId);
    if (!letter) throw new AppError('not_found', { fr: 'Lettre introuvable.', en: 'Letter not found.' });
    letterId = letter.id;
    const current =
      letter.currentVersion > 0
        ? await deps.letters.getVersion(userId, letter.id, letter.currentVersion)
        : null;
    if (current) sources.letterText = current.content;
    sources.tone ??= letter.tone;
    sources.language ??= letter.language;
    // A letter brings its own CV and offer when none were given.
    if (!sources.cvText && letter.cvDocumentId) {
      const doc = await deps.documents.documents.get(userId, letter.cvDocumentId);
      if (doc) {
        sources.cvText = doc.text;
        sources.cv = effectiveProfile<CvProfile>(doc);
      }
    }
    if (!sources.offerText && letter.offerDocumentId) {
      const doc = await deps.documents.documents.get(userId, letter.offerDocumentId);
      if (doc) {
        sources.offerText = doc.text;
        sources.offer = effectiveProfile<OfferProfile>(doc);
      }
    }
  } else if (request.letterText) {
    sources.letterText = request.letterText;
  }
  if (request.companyPageText) sources.companyPageText = request.companyPageText;
  if (request.tone) sources.tone = request.tone;
  if (request.language) sources.language = request.language;
  if (request.from) sources.from = request.from;
  if (request.to) sources.to = request.to;
  return { sources, letterId };
}

function hashInputs(kind: AnalysisKind, version: string, sources: AnalysisSources): string {
  const material = JSON.stringify([kind, version, sources]);
  return createHash('sha256').update(material).digest('hex');
}

export async function runAnalysis(
  deps: AnalysisDeps,
  userId: string,
  kind: AnalysisKind,
  request: AnalysisRequest,
) {
  await requireFeature(deps.plans, userId, FEATURE[kind]);
  const analyzer = deps.analyzers[kind];
  const { sources, letterId } = await resolveSources(deps, userId, request);
  const missing = analyzer.requires.filter((field) => sources[field] === undefined || sources[field] === '');
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      {
        fr: `Il manque ${missing.map((m) => LABELS[m].fr).join(', ')} pour cette analyse.`,
        en: `This analysis needs ${missing.map((m) => LABELS[m].en).join(', ')}.`,
      },
      { fields: missing.map((field) => ({ field, message: 'required' })) },
    );
  }
  // The engine is part of the key: a report enriched by a model is not another engine's.
  const inputHash = hashInputs(kind, `${analyzer.version}/${analyzer.engine ?? 'core'}`, sources);
  const cached = await deps.analyses.find(userId, kind, inputHash);
  const computed = cached ? null : await analyzer.run(sources);
  const keep = cached === null && (analyzer.isComplete?.(computed) ?? true);
  const stored =
    cached ??
    (keep
      ? await deps.analyses.save({
          userId,
          kind,
          inputHash,
          engine: analyzer.engine ?? 'core',
          result: computed,
          letterId,
        })
      : { result: computed, createdAt: deps.clock.now() });
  const plan = await currentPlan(deps.plans, userId);
  const result = kind === 'ats' && plan.plan === 'free' ? deps.limitAtsForFree(stored.result) : stored.result;
  return {
    kind,
    cached: cached !== null,
    plan: plan.plan,
    createdAt: stored.createdAt.toISOString(),
    result,
  };
}
