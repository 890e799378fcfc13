/**
 * Every setting of Phoenix Letters, parsed once from the environment with Zod and frozen.
 * `.env.example` documents each one; a bad value stops start-up with one line naming it.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
  message: 'must be a postgres:// or postgresql:// URL',
});

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Paris' },
);

export const ConfigSchema = z
  .object({
    /** Environment name: production turns on Secure cookies behind HTTPS and quieter logs. */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Interface the HTTP server binds to. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** TCP port of the HTTP server (0 picks a free port, for tests). */
    PORT: port.default(3000),
    /** Public origin of the app (used in e-mail links and the CSRF Origin check). */
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    /** Directory of the embedded database, the outbox and other local data. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** PostgreSQL URL; when unset, the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: postgresUrl.optional(),
    /** Maximum connections in the PostgreSQL pool of this process. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * How long a request may wait for a free pool connection before answering 503. A burst (200
     * letters starting at once) queues for a few seconds; a server that is down fails at once anyway.
     */
    DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Maximum JSON body size in bytes. */
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    /** Maximum uploaded file size in bytes. */
    UPLOAD_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    /** Seconds given to in-flight requests after SIGTERM before the process exits. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(25),
    /** Trust X-Forwarded-For from a reverse proxy (only behind one you control). */
    TRUST_PROXY: bool.default(false),
    /** Secret for signing access tokens (≥ 32 chars). Generated into DATA_DIR when unset. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Access token lifetime in seconds (≤ 15 minutes). */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(600),
    /** Refresh session idle lifetime in days. */
    SESSION_IDLE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** Refresh session absolute lifetime in days. */
    SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
    /**
     * AI engine: offline (no network), gemini, or openai (any OpenAI-compatible endpoint). Unset: Gemini
     * when GEMINI_API_KEY is set, else offline — see `aiProviderOf`.
     */
    AI_PROVIDER: z.enum(['offline', 'gemini', 'openai']).optional(),
    /** Google Gemini API key (AI_PROVIDER=gemini). */
    GEMINI_API_KEY: z.string().min(1).optional(),
    /** Gemini model name. */
    GEMINI_MODEL: z.string().min(1).default('gemini-2.5-flash'),
    /** Override of the Gemini API base URL (tests, proxies). */
    GEMINI_BASE_URL: z.url().optional(),
    /** Key of the OpenAI-compatible endpoint (AI_PROVIDER=openai); Ollama accepts any value. */
    OPENAI_API_KEY: z.string().min(1).optional(),
    /** Base URL of the OpenAI-compatible endpoint (OpenAI, Mistral, Ollama, vLLM). */
    OPENAI_BASE_URL: z.url().optional(),
    /** Model name on the OpenAI-compatible endpoint. */
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** Redact personal data before it leaves for an external AI provider. */
    AI_REDACT_PII: bool.default(true),
    /** Letters one user may have in flight with a paid AI engine (cost control). */
    AI_MAX_IN_FLIGHT_PER_USER: z.coerce.number().int().min(1).default(1),
    /** Tokens (in + out) one user may spend per day with a paid AI engine. */
    AI_DAILY_TOKENS_PER_USER: z.coerce.number().int().min(1).default(200_000),
    /** Tokens all users together may spend per day; generations stop with 503 beyond it. */
    AI_DAILY_TOKENS_TOTAL: z.coerce.number().int().min(1).default(5_000_000),
    /** Per-attempt timeout of one AI call, in milliseconds. */
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    /** Consecutive failed AI calls that open the circuit breaker (calls then fail at once). */
    AI_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
    /** How long an open breaker waits before letting one trial call through, in ms. */
    AI_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).default(30_000),
    /** Pause between the offline engine's streamed chunks, in ms (0: as fast as possible). */
    OFFLINE_STREAM_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(15),
    /** Time zone whose calendar months bound the free quota. */
    QUOTA_TIME_ZONE: timeZone.default('Europe/Paris'),
    /** Letter generations per month on the free plan. */
    FREE_LETTERS_PER_MONTH: z.coerce.number().int().min(0).default(2),
    /** Fair-use ceiling of letter generations per month on Premium. */
    PREMIUM_LETTERS_PER_MONTH: z.coerce.number().int().min(1).default(100),
    /** CVs, offers, letters and analyses of accounts inactive this many months are deleted. */
    RETENTION_INACTIVE_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
    /** Outgoing mail: SMTP URL; when unset mail is written to the log and DATA_DIR/outbox. */
    SMTP_URL: z.string().min(1).optional(),
    /** Sender address of outgoing mail. */
    MAIL_FROM: z.string().min(3).default('Phoenix Letters <no-reply@phoenix-letters.local>'),
    /** Redis URL for shared rate-limit counters; PostgreSQL is used when unset. */
    REDIS_URL: z.string().min(1).optional(),
    /** Stripe secret key; without it the upgrade button explains payment is not configured. */
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    /** Stripe webhook signing secret. */
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Stripe price id of the Premium subscription. */
    STRIPE_PRICE_ID: z.string().min(1).optional(),
    /** Premium price shown on the plan page, e.g. "9,90 € / mois". */
    PREMIUM_PRICE_LABEL: z.string().min(1).default('9,90 € / mois'),
  })
  .superRefine((config, context) => {
    if (config.AI_PROVIDER === 'gemini' && !config.GEMINI_API_KEY)
      context.addIssue({
        code: 'custom',
        path: ['GEMINI_API_KEY'],
        message: 'required when AI_PROVIDER=gemini',
      });
    if (config.AI_PROVIDER === 'openai' && !config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)
      context.addIssue({
        code: 'custom',
        path: ['OPENAI_BASE_URL'],
        message:
          'AI_PROVIDER=openai needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (Mistral, Ollama, vLLM)',
      });
  });

/** The engine in use: the configured one, else Gemini when a key is there, else the offline writer. */
export function aiProviderOf(
  config: Pick<Config, 'AI_PROVIDER' | 'GEMINI_API_KEY'>,
): 'offline' | 'gemini' | 'openai' {
  return config.AI_PROVIDER ?? (config.GEMINI_API_KEY ? 'gemini' : 'offline');
}

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Thrown when the environment holds a bad setting; its message is one line per bad field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; empty strings count as unset so `.env.example` can list blanks. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(environment)';
      const got = typeof field === 'string' && cleaned[field] !== undefined ? '' : ' (missing)';
      return `Invalid setting ${field}: ${issue.message}${got}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return Object.freeze(parsed.data);
}
