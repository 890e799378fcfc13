/**
 * The AI engine, at the level of tasks (DESIGN §4): services ask for a letter or for transferable
 * skills, never for a prompt. The offline engine answers with `core/`; the LLM engine with prompts
 * and a `LanguageModel`. Every structured answer is validated before it reaches a service.
 */

import type { CoachReport } from '../core/coach/schemas';
import type { LetterBrief } from '../core/letter/brief';
import type { TransferableSkill } from '../core/letter/facts';
import type { MirrorReport } from '../core/mirror/schemas';
import type { CvProfile, OfferProfile } from '../core/profile/schemas';
import type { Trajectory } from '../core/trajectory/schemas';

/** A letter as the engine produced it: the text and its bookkeeping. */
export interface WrittenLetter {
  text: string;
  /** `stop` when the letter is complete; anything else means it must not be saved. */
  finishReason: 'stop' | 'length' | 'safety' | 'other';
  /** `offline`, `gemini` or `openai`: stored with every version. */
  engine: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  /** True when no model wrote it (the offline engine, or the fallback after a provider failure). */
  writtenWithoutAi: boolean;
}

export interface TransferableSkillsRequest {
  cv: CvProfile;
  offer: OfferProfile;
  cvText: string;
  offerText: string;
  language: 'fr' | 'en';
  today: Date;
  signal?: AbortSignal;
}

/** What an enrichment needs beside the deterministic report. */
export interface EnrichmentContext {
  language: 'fr' | 'en';
  /** Names to keep from the model (the candidate's, the recruiter's). */
  names: string[];
  signal?: AbortSignal;
}

/**
 * The deterministic report of core/ goes in; the same report comes out, with model wording added
 * in its optional fields (validated, never replacing a computed field). The offline engine returns
 * it as is; a provider failure leaves it as is too.
 */
export interface AnalysisEnrichment {
  /** Adds a rewritten sentence to each finding that points at one. */
  coach(report: CoachReport, context: EnrichmentContext): Promise<CoachReport>;
  /** Adds a short reading of the company's culture. */
  mirror(report: MirrorReport, context: EnrichmentContext): Promise<MirrorReport>;
  /** Adds personal advice on the plan. */
  trajectory(trajectory: Trajectory, context: EnrichmentContext): Promise<Trajectory>;
  /**
   * Adds the requirements the reading rules missed (an offer written as prose), each a phrase found
   * word for word in the offer: the rules' lists are kept, a phrase the offer does not contain is
   * dropped.
   */
  requirements(offer: OfferProfile, offerText: string, context: EnrichmentContext): Promise<OfferProfile>;
}

/** What a user reads when the writing engine cannot answer (`ai_unavailable`). */
export const AI_UNAVAILABLE_MESSAGE = {
  fr: 'Le service d’écriture est momentanément indisponible. Rien n’a été décompté ; réessayez dans quelques instants.',
  en: 'The writing service is temporarily unavailable. Nothing was counted; try again in a moment.',
};

export interface AiEngine {
  /** `offline`, `gemini` or `openai`. */
  readonly name: string;
  /** Streams the letter as it is written; returns the complete result. */
  writeLetter(brief: LetterBrief, signal?: AbortSignal): AsyncGenerator<string, WrittenLetter, void>;
  /** Skills of the previous career the target job needs, each with its evidence quoted from the CV. */
  suggestTransferableSkills(request: TransferableSkillsRequest): Promise<TransferableSkill[]>;
  readonly enrich: AnalysisEnrichment;
  /**
   * Seconds until the engine may answer again when its provider is known to be down (the circuit
   * breaker is open), so that callers refuse at once instead of queuing work; null when available.
   * Engines that cannot be down (offline) leave it out.
   */
  unavailableFor?(): number | null;
}
