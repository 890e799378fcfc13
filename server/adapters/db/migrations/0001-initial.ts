/**
 * The first schema: every table of DESIGN.md §5. Every user-owned row carries `user_id`
 * with `on delete cascade`, so deleting a user deletes everything they own.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    display_name text not null check (length(display_name) between 1 and 100),
    language text not null default 'fr' check (language in ('fr', 'en')),
    password_hash text not null,
    role text not null default 'user' check (role in ('user', 'admin')),
    email_verified_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_active_at timestamptz not null default now(),
    constraint users_email_lowercase check (email = lower(email))
  )`,
  `create unique index users_email_key on users (email)`,

  `create table refresh_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    family_id uuid not null,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    last_used_at timestamptz not null default now(),
    absolute_expires_at timestamptz not null,
    rotated_at timestamptz,
    replaced_by uuid,
    revoked_at timestamptz,
    user_agent text
  )`,
  `create index refresh_tokens_user_id_idx on refresh_tokens (user_id)`,
  `create index refresh_tokens_family_id_idx on refresh_tokens (family_id)`,

  `create table user_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
    token_hash text not null unique,
    new_email text,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  `create index user_tokens_user_id_idx on user_tokens (user_id)`,

  `create table consents (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    kind text not null check (kind in ('privacy_notice', 'age_18', 'terms')),
    version text not null,
    accepted_at timestamptz not null default now()
  )`,
  `create index consents_user_id_idx on consents (user_id)`,

  `create table entitlements (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    plan text not null check (plan in ('premium')),
    source text not null check (source in ('stripe', 'beta', 'admin')),
    starts_at timestamptz not null default now(),
    ends_at timestamptz,
    revoked_at timestamptz,
    external_ref text,
    external_updated_at timestamptz,
    created_at timestamptz not null default now(),
    constraint entitlements_period check (ends_at is null or ends_at > starts_at)
  )`,
  `create index entitlements_user_id_idx on entitlements (user_id)`,
  `create unique index entitlements_external_ref_key on entitlements (source, external_ref) where external_ref is not null`,

  `create table beta_codes (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    max_uses integer not null check (max_uses > 0),
    uses integer not null default 0,
    premium_days integer not null check (premium_days > 0),
    expires_at timestamptz not null,
    created_at timestamptz not null default now(),
    constraint beta_codes_uses_within_max check (uses between 0 and max_uses)
  )`,
  `create table beta_redemptions (
    code_id uuid not null references beta_codes (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    redeemed_at timestamptz not null default now(),
    primary key (code_id, user_id)
  )`,
  `create index beta_redemptions_user_id_idx on beta_redemptions (user_id)`,

  `create table quota_ledger (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    period text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    status text not null check (status in ('reserved', 'committed', 'released')),
    reserved_at timestamptz not null default now(),
    expires_at timestamptz not null,
    settled_at timestamptz,
    letter_id uuid
  )`,
  `create index quota_ledger_user_period_idx on quota_ledger (user_id, period)`,

  `create table documents (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    kind text not null check (kind in ('cv', 'offer')),
    title text not null,
    filename text,
    media_type text not null,
    text text not null,
    structured jsonb,
    corrections jsonb,
    parse_report jsonb,
    source_url text,
    is_default boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index documents_user_id_idx on documents (user_id, kind)`,
  `create unique index documents_one_default_cv on documents (user_id) where kind = 'cv' and is_default`,

  `create table letters (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    title text not null,
    company text,
    role text,
    language text not null check (language in ('fr', 'en')),
    tone text not null,
    length text not null check (length in ('short', 'standard', 'long')),
    status text not null check (status in ('generating', 'complete', 'failed', 'cancelled')),
    cv_document_id uuid references documents (id) on delete set null,
    offer_document_id uuid references documents (id) on delete set null,
    request jsonb not null,
    brief jsonb,
    grounding jsonb,
    idempotency_key text,
    current_version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index letters_user_id_idx on letters (user_id, updated_at desc)`,
  `create unique index letters_idempotency_key on letters (user_id, idempotency_key) where idempotency_key is not null`,

  `create table letter_versions (
    id uuid primary key default gen_random_uuid(),
    letter_id uuid not null references letters (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    version integer not null check (version > 0),
    content text not null,
    source text not null check (source in ('generated', 'edited', 'restored', 'duplicated')),
    engine text,
    model text,
    tokens_in integer,
    tokens_out integer,
    finish_reason text,
    created_at timestamptz not null default now(),
    unique (letter_id, version)
  )`,
  `create index letter_versions_user_id_idx on letter_versions (user_id)`,

  `create table analyses (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    kind text not null check (kind in ('ats', 'mirror', 'coach', 'trajectory', 'transferable_skills')),
    input_hash text not null,
    engine text not null,
    result jsonb not null,
    letter_id uuid references letters (id) on delete set null,
    created_at timestamptz not null default now(),
    unique (user_id, kind, input_hash)
  )`,
  `create index analyses_user_id_idx on analyses (user_id)`,

  `create table audit_events (
    id bigint generated always as identity primary key,
    user_id uuid references users (id) on delete cascade,
    kind text not null,
    details jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  `create index audit_events_user_id_idx on audit_events (user_id)`,

  `create table rate_limits (
    key text primary key,
    hits integer not null,
    reset_at timestamptz not null
  )`,

  `create table billing_customers (
    user_id uuid primary key references users (id) on delete cascade,
    stripe_customer_id text not null unique
  )`,
  `create table stripe_events (
    id text primary key,
    type text not null,
    received_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'stripe_events',
    'billing_customers',
    'rate_limits',
    'audit_events',
    'analyses',
    'letter_versions',
    'letters',
    'documents',
    'quota_ledger',
    'beta_redemptions',
    'beta_codes',
    'entitlements',
    'consents',
    'user_tokens',
    'refresh_tokens',
    'users',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
}
