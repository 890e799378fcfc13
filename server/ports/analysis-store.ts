/** Stored analysis results, reused while their inputs do not change. */
export type AnalysisKind = 'ats' | 'mirror' | 'coach' | 'trajectory' | 'transferable_skills';

export interface StoredAnalysis {
  id: string;
  kind: AnalysisKind;
  inputHash: string;
  engine: string;
  result: unknown;
  createdAt: Date;
}

export interface AnalysisStore {
  find(userId: string, kind: AnalysisKind, inputHash: string): Promise<StoredAnalysis | null>;
  /** Saves a result; when the same inputs were saved meanwhile, returns the one already stored. */
  save(input: {
    userId: string;
    kind: AnalysisKind;
    inputHash: string;
    engine: string;
    result: unknown;
    letterId: string | null;
  }): Promise<StoredAnalysis>;
  list(userId: string, letterId?: string): Promise<StoredAnalysis[]>;
}
