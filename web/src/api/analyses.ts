/**
 * Analyses (contract/analyses.ts): ATS Analyzer, Mirror Match, Smart Coach, Trajectory Builder and
 * transferable skills. One request shape for all; each answers `{ kind, cached, plan, createdAt,
 * result }`. A Premium analysis asked on the free plan is refused with `premium_required` (403).
 */
import type { z } from 'zod';
import type { AnalysisRequestSchema, AnalysisResponseSchema } from '../../../contract/analyses';
import type { AtsReport, FreeAtsReport, KeywordCategory } from '../../../server/core/ats/schemas';
import type { CoachReport, CriterionId } from '../../../server/core/coach/schemas';
import type { MirrorReport } from '../../../server/core/mirror/schemas';
import type { Feature } from '../../../server/core/plans/plans';
import type { Trajectory } from '../../../server/core/trajectory/schemas';
import { api, type RequestOptions } from './client';

export type AnalysisRequest = z.infer<typeof AnalysisRequestSchema>;
type Envelope = z.infer<typeof AnalysisResponseSchema>;
export type AnalysisResponse<T> = Omit<Envelope, 'result'> & { result: T };
export type { AtsReport, CoachReport, CriterionId, FreeAtsReport, KeywordCategory, MirrorReport, Trajectory };

/** A transferable skill as the letter request takes it (contract/letters.ts `keptSkills`). */
export interface KeptSkill {
  skill: string;
  evidence: string;
}
export interface TransferableSkills {
  skills: KeptSkill[];
}

/** The four analyses a user picks in the interface, in the order they are offered. */
export const ANALYSES = ['ats', 'mirror', 'coach', 'trajectory'] as const;
export type AnalysisName = (typeof ANALYSES)[number];

export interface AnalysisResults {
  ats: AtsReport | FreeAtsReport;
  mirror: MirrorReport;
  coach: CoachReport;
  trajectory: Trajectory;
}

/** The plan feature each analysis needs (server/core/plans/plans.ts). */
export const ANALYSIS_FEATURE: Record<AnalysisName, Feature> = {
  ats: 'ats_score',
  mirror: 'mirror',
  coach: 'coach',
  trajectory: 'trajectory',
};

const post = <T>(path: string, request: AnalysisRequest, options?: RequestOptions) =>
  api<AnalysisResponse<T>>('POST', `/api/analyses/${path}`, request, options);

export const analyzeAts = (request: AnalysisRequest, options?: RequestOptions) =>
  post<AtsReport | FreeAtsReport>('ats', request, options);
export const analyzeMirror = (request: AnalysisRequest, options?: RequestOptions) =>
  post<MirrorReport>('mirror', request, options);
export const analyzeCoach = (request: AnalysisRequest, options?: RequestOptions) =>
  post<CoachReport>('coach', request, options);
export const analyzeTrajectory = (request: AnalysisRequest, options?: RequestOptions) =>
  post<Trajectory>('trajectory', request, options);
export const suggestTransferableSkills = (request: AnalysisRequest, options?: RequestOptions) =>
  post<TransferableSkills>('transferable-skills', request, options);

/** Runs one of the four analyses by name. */
export function runAnalysis<K extends AnalysisName>(
  name: K,
  request: AnalysisRequest,
  options?: RequestOptions,
): Promise<AnalysisResponse<AnalysisResults[K]>> {
  return post<AnalysisResults[K]>(name, request, options);
}

/** The free plan's ATS answer: the score and the five costliest missing keywords only. */
export const isLimitedAts = (report: AtsReport | FreeAtsReport): report is FreeAtsReport =>
  'limited' in report && report.limited === true;

/** What the letter request accepts: trimmed to the contract's limits (20 skills, 200/400 chars). */
export function toKeptSkills(skills: readonly KeptSkill[]): KeptSkill[] {
  return skills
    .filter((s) => s.skill.trim() && s.evidence.trim())
    .slice(0, 20)
    .map((s) => ({ skill: s.skill.trim().slice(0, 200), evidence: s.evidence.trim().slice(0, 400) }));
}
