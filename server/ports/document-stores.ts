/** Persistence of CVs and offers, and of letters with their versions. Every call is scoped by user. */

export type DocumentKind = 'cv' | 'offer';

export interface StoredDocument {
  id: string;
  userId: string;
  kind: DocumentKind;
  title: string;
  filename: string | null;
  mediaType: string;
  text: string;
  /** What Phoenix Letters read (CvProfile or OfferProfile). */
  structured: unknown;
  /** The user's corrections of what was read (same shape, merged over `structured`). */
  corrections: unknown;
  /** Parse report of the uploaded file (parseability for the ATS). */
  parseReport: unknown;
  sourceUrl: string | null;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDocument = Omit<
  StoredDocument,
  'id' | 'createdAt' | 'updatedAt' | 'isDefault' | 'corrections'
> & {
  isDefault?: boolean;
};

export interface DocumentStore {
  create(doc: NewDocument): Promise<StoredDocument>;
  list(userId: string, kind?: DocumentKind): Promise<StoredDocument[]>;
  get(userId: string, id: string): Promise<StoredDocument | null>;
  update(
    userId: string,
    id: string,
    changes: Partial<
      Pick<
        StoredDocument,
        'title' | 'corrections' | 'text' | 'structured' | 'parseReport' | 'filename' | 'mediaType'
      >
    >,
  ): Promise<StoredDocument | null>;
  /** Makes this CV the default one (and no other). */
  setDefault(userId: string, id: string): Promise<boolean>;
  delete(userId: string, id: string): Promise<boolean>;
}

export type LetterStatus = 'generating' | 'complete' | 'failed' | 'cancelled';

export interface LetterRecord {
  id: string;
  userId: string;
  title: string;
  company: string | null;
  role: string | null;
  language: 'fr' | 'en';
  tone: string;
  length: 'short' | 'standard' | 'long';
  status: LetterStatus;
  cvDocumentId: string | null;
  offerDocumentId: string | null;
  request: unknown;
  brief: unknown;
  grounding: unknown;
  idempotencyKey: string | null;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a list of letters shows: no request, brief or grounding (they weigh kilobytes each). */
export type LetterSummaryRecord = Pick<
  LetterRecord,
  | 'id'
  | 'title'
  | 'company'
  | 'role'
  | 'language'
  | 'tone'
  | 'length'
  | 'status'
  | 'currentVersion'
  | 'createdAt'
  | 'updatedAt'
>;

export interface LetterVersion {
  version: number;
  content: string;
  source: 'generated' | 'edited' | 'restored' | 'duplicated';
  engine: string | null;
  model: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  finishReason: string | null;
  createdAt: Date;
}

export interface NewLetter {
  userId: string;
  title: string;
  company: string | null;
  role: string | null;
  language: 'fr' | 'en';
  tone: string;
  length: 'short' | 'standard' | 'long';
  status: LetterStatus;
  cvDocumentId: string | null;
  offerDocumentId: string | null;
  request: unknown;
  idempotencyKey: string | null;
}

export interface LetterStore {
  /** Creates the letter; null when the user already has one with this idempotency key. */
  create(letter: NewLetter): Promise<LetterRecord | null>;
  findByIdempotencyKey(userId: string, key: string): Promise<LetterRecord | null>;
  /** The user's letters, most recently changed first (at most 200). */
  list(userId: string): Promise<LetterSummaryRecord[]>;
  get(userId: string, id: string): Promise<LetterRecord | null>;
  /** Marks a letter as being rewritten unless it already is: of two rewrites at once, one wins (null for the other). */
  markGenerating(userId: string, id: string): Promise<LetterRecord | null>;
  update(
    userId: string,
    id: string,
    changes: Partial<Pick<LetterRecord, 'title' | 'status' | 'brief' | 'grounding' | 'company' | 'role'>>,
  ): Promise<LetterRecord | null>;
  /** Appends a version and makes it current (atomic: the version number comes from the row). */
  addVersion(
    userId: string,
    id: string,
    version: Omit<LetterVersion, 'version' | 'createdAt'>,
  ): Promise<LetterVersion | null>;
  /** Saves the generated text as a version and marks the letter complete, in one transaction. */
  completeGeneration(
    userId: string,
    id: string,
    version: Omit<LetterVersion, 'version' | 'createdAt'>,
    extra: { grounding: unknown; brief: unknown },
  ): Promise<LetterVersion | null>;
  listVersions(userId: string, id: string): Promise<LetterVersion[]>;
  getVersion(userId: string, id: string, version: number): Promise<LetterVersion | null>;
  delete(userId: string, id: string): Promise<boolean>;
  /** Tokens (in + out) written by the AI engines since `since`, for one user or for everyone. */
  tokensUsedSince(since: Date, userId?: string): Promise<number>;
  /** Letters left "generating" by a crashed process, older than `before`, are marked failed. */
  failStale(before: Date): Promise<number>;
}
