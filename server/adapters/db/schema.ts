/** Kysely table types: the rows as stored. Stores map them to core types. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  language: 'fr' | 'en';
  password_hash: string;
  role: Generated<'user' | 'admin'>;
  email_verified_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_active_at: Generated<Date>;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  absolute_expires_at: Timestamp;
  rotated_at: NullableTimestamp;
  replaced_by: string | null;
  revoked_at: NullableTimestamp;
  user_agent: string | null;
}

export interface UserTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: 'verify_email' | 'reset_password' | 'change_email';
  token_hash: string;
  new_email: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  user_id: string;
  kind: 'privacy_notice' | 'age_18' | 'terms';
  version: string;
  accepted_at: Generated<Date>;
}

export interface EntitlementsTable {
  id: Generated<string>;
  user_id: string;
  plan: 'premium';
  source: 'stripe' | 'beta' | 'admin';
  starts_at: Timestamp;
  ends_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  external_ref: string | null;
  external_updated_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface BetaCodesTable {
  id: Generated<string>;
  code: string;
  max_uses: number;
  uses: Generated<number>;
  premium_days: number;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface BetaRedemptionsTable {
  code_id: string;
  user_id: string;
  redeemed_at: Generated<Date>;
}

export interface QuotaLedgerTable {
  id: Generated<string>;
  user_id: string;
  period: string;
  status: 'reserved' | 'committed' | 'released';
  reserved_at: Generated<Date>;
  expires_at: Timestamp;
  settled_at: NullableTimestamp;
  letter_id: string | null;
}

export interface DocumentsTable {
  id: Generated<string>;
  user_id: string;
  kind: 'cv' | 'offer';
  title: string;
  filename: string | null;
  media_type: string;
  text: string;
  structured: NullableJson;
  corrections: NullableJson;
  parse_report: NullableJson;
  source_url: string | null;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LettersTable {
  id: Generated<string>;
  user_id: string;
  title: string;
  company: string | null;
  role: string | null;
  language: 'fr' | 'en';
  tone: string;
  length: 'short' | 'standard' | 'long';
  status: 'generating' | 'complete' | 'failed' | 'cancelled';
  cv_document_id: string | null;
  offer_document_id: string | null;
  request: Json;
  brief: NullableJson;
  grounding: NullableJson;
  idempotency_key: string | null;
  current_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LetterVersionsTable {
  id: Generated<string>;
  letter_id: string;
  user_id: string;
  version: number;
  content: string;
  source: 'generated' | 'edited' | 'restored' | 'duplicated';
  engine: string | null;
  model: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  finish_reason: string | null;
  created_at: Generated<Date>;
}

export interface AnalysesTable {
  id: Generated<string>;
  user_id: string;
  kind: 'ats' | 'mirror' | 'coach' | 'trajectory' | 'transferable_skills';
  input_hash: string;
  engine: string;
  result: Json;
  letter_id: string | null;
  created_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  user_id: string | null;
  kind: string;
  details: Json;
  created_at: Generated<Date>;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Timestamp;
}

export interface BillingCustomersTable {
  user_id: string;
  stripe_customer_id: string;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  received_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  user_tokens: UserTokensTable;
  consents: ConsentsTable;
  entitlements: EntitlementsTable;
  beta_codes: BetaCodesTable;
  beta_redemptions: BetaRedemptionsTable;
  quota_ledger: QuotaLedgerTable;
  documents: DocumentsTable;
  letters: LettersTable;
  letter_versions: LetterVersionsTable;
  analyses: AnalysesTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  billing_customers: BillingCustomersTable;
  stripe_events: StripeEventsTable;
}
