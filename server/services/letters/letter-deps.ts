/** What the letter use cases need. */

import type { LetterBrief } from '../../core/letter/brief';
import type { GroundingReport, GroundingSources } from '../../core/letter/grounding';
import type { LetterOptions } from '../../core/letter/options';
import type { CvProfile, OfferProfile } from '../../core/profile/schemas';
import type { AiEngine } from '../../ports/ai-engine';
import type { Clock } from '../../ports/clock';
import type { LetterStore } from '../../ports/document-stores';
import type { DocumentDeps } from '../documents/document-service';
import type { PlanDeps } from '../plans/plan-service';
import type { AiBudget } from './ai-budget';

/** The writing engine as this service uses it (the AiEngine port). */
export type LetterWriter = Pick<AiEngine, 'writeLetter' | 'unavailableFor'>;

export interface BriefInput {
  cv: CvProfile;
  offer: OfferProfile;
  cvText: string;
  offerText: string;
  options: LetterOptions;
  /** Transferable skills the user kept (with their CV evidence), if they reviewed them. */
  keptSkills?: { skill: string; evidence: string }[] | undefined;
  today: Date;
}

export interface LetterDeps {
  letters: LetterStore;
  documents: DocumentDeps;
  plans: PlanDeps;
  clock: Clock;
  writer: LetterWriter;
  /** Daily token ceilings of a paid engine; null with the offline engine. */
  aiBudget: AiBudget | null;
  /** Builds the brief from the profiles, options and the analyses (ATS keywords, register, skills). */
  prepareBrief(input: BriefInput): LetterBrief;
  /** Named organisations, schools, certifications and numbers in the letter found in neither source. */
  checkGrounding(letterText: string, sources: GroundingSources): GroundingReport;
}
