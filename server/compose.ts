/**
 * Builds every adapter and service from the configuration and one database handle. main.ts uses it
 * as is; tests pass overrides (a fake clock, a capturing mailer) and get the same wiring.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from 'prom-client';
import { createAiEngine } from './adapters/ai/create-engine';
import type { ResilienceOptions } from './adapters/ai/resilient-model';
import type { DatabaseHandle } from './adapters/db/database';
import { createDatabaseRateLimiter } from './adapters/db/rate-limiter';
import { createAnalysisStore } from './adapters/db/stores/analysis-store';
import { createAuditLog } from './adapters/db/stores/audit-log';
import { createBillingStore } from './adapters/db/stores/billing-store';
import { createDocumentStore } from './adapters/db/stores/document-store';
import { createLetterStore } from './adapters/db/stores/letter-store';
import {
  createBetaCodeStore,
  createEntitlementStore,
  createQuotaLedger,
} from './adapters/db/stores/plan-stores';
import { createSessionStore } from './adapters/db/stores/session-store';
import { createUserStore } from './adapters/db/stores/user-store';
import { createUserTokenStore } from './adapters/db/stores/user-token-store';
import { extractDocumentText } from './adapters/documents/extract-document-text';
import { exportLetterText, LetterDocumentSchema } from './adapters/documents/letter-document';
import { createOutboxMailer } from './adapters/mail/outbox-mailer';
import { createSmtpMailer } from './adapters/mail/smtp-mailer';
import type { StripeOptions } from './adapters/payments/stripe-provider';
import { createAccessTokens } from './adapters/security/access-tokens';
import { type Argon2Parameters, createArgon2Hasher } from './adapters/security/argon2-hasher';
import { createOfferFetcher } from './adapters/web/offer-fetcher';
import { aiProviderOf, type Config } from './config';
import { AppError } from './core/errors';
import { checkGrounding } from './core/letter/grounding';
import { parseCv, parseOffer } from './core/profile';
import type { OfferProfile } from './core/profile/schemas';
import type { AppDeps } from './http/app';
import { createMetricsRegistry } from './http/plugins/metrics';
import { AI_UNAVAILABLE_MESSAGE, type AiEngine } from './ports/ai-engine';
import { type Clock, systemClock } from './ports/clock';
import type { Mailer } from './ports/mailer';
import { createAnalyzers, limitAtsForFree } from './services/analyses/core-analyzers';
import type { AuthDeps } from './services/auth/deps';
import type { DocumentDeps } from './services/documents/document-service';
import type { LetterExporter } from './services/letters/export-letter';
import type { LetterDeps } from './services/letters/letter-deps';
import { createBriefPreparer } from './services/letters/prepare-brief';
import type { PlanDeps } from './services/plans/plan-service';

export interface Overrides {
  clock?: Clock;
  mailer?: Mailer;
  argon2?: Argon2Parameters;
  metrics?: Registry;
  webRoot?: string;
  isShuttingDown?: () => boolean;
  log?: (level: 'info' | 'error', message: string, error?: unknown) => void;
  /** Lets offer import reach loopback addresses (tests serve pages on 127.0.0.1). */
  allowPrivateOfferUrls?: boolean;
  /** Replaces the configured AI engine (tests). */
  engine?: AiEngine;
  /** Tunes retries, timeouts and the breaker of the model (tests use short delays). */
  resilience?: Partial<ResilienceOptions>;
  /** Points the Stripe SDK at a fake server (tests). */
  stripeApi?: StripeOptions['api'];
}

/** The signing secret: from the configuration, or generated once into DATA_DIR (single instance). */
export function resolveJwtSecret(config: Config): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Letter files: the blocks are validated as a LetterDocument (plain text, bounded) before layout.
 * pdfkit and docx load on the first export, not at start-up (≈ 350 ms of module loading).
 */
const letterExporter: LetterExporter = {
  pdf: async (blocks) =>
    (await import('./adapters/documents/export-letter-pdf')).exportLetterPdf(
      LetterDocumentSchema.parse(blocks),
    ),
  docx: async (blocks) =>
    (await import('./adapters/documents/export-letter-docx')).exportLetterDocx(
      LetterDocumentSchema.parse(blocks),
    ),
  text: (blocks) => exportLetterText(LetterDocumentSchema.parse(blocks)),
};

export async function composeAppDeps(
  config: Config,
  database: DatabaseHandle,
  overrides: Overrides = {},
): Promise<AppDeps> {
  const clock = overrides.clock ?? systemClock;
  const log =
    overrides.log ??
    ((level: 'info' | 'error', message: string, error?: unknown) => {
      // The same threshold as the request logger: info lines only at info level and below.
      const quiet = ['silent', 'fatal', ...(level === 'info' ? ['error', 'warn'] : [])];
      if (quiet.includes(config.LOG_LEVEL)) return;
      const line = JSON.stringify({
        level,
        msg: message,
        err: error instanceof Error ? error.message : undefined,
      });
      (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
  const { db } = database;
  const mailer =
    overrides.mailer ??
    (config.SMTP_URL
      ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : createOutboxMailer({
          directory: join(config.DATA_DIR, 'outbox'),
          from: config.MAIL_FROM,
          log: (message) => log('info', message),
        }));

  const auth: AuthDeps = {
    users: createUserStore(db, database.prepared),
    sessions: createSessionStore(db),
    userTokens: createUserTokenStore(db),
    audit: createAuditLog(db),
    hasher: await createArgon2Hasher(overrides.argon2),
    accessTokens: createAccessTokens({
      secret: resolveJwtSecret(config),
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      clock,
    }),
    mailer,
    // Counters shared by every instance: in Redis when configured, else in the database.
    rateLimiter: config.REDIS_URL
      ? await (await import('./adapters/redis/rate-limiter')).createRedisRateLimiter(config.REDIS_URL)
      : createDatabaseRateLimiter(db, clock),
    clock,
    settings: {
      publicUrl: config.PUBLIC_URL,
      sessionIdleDays: config.SESSION_IDLE_DAYS,
      sessionAbsoluteDays: config.SESSION_ABSOLUTE_DAYS,
      refreshGraceSeconds: 15,
      privacyNoticeVersion: '2026-11',
    },
    reportBackgroundError: (error, what) => log('error', `${what} failed`, error),
  };

  // Cost controls apply to engines that cost money; the offline writer is free and unlimited.
  const paidEngine = aiProviderOf(config) !== 'offline';
  const plans: PlanDeps = {
    entitlements: createEntitlementStore(db),
    ledger: createQuotaLedger(db),
    betaCodes: createBetaCodeStore(db),
    clock,
    settings: {
      freeLettersPerMonth: config.FREE_LETTERS_PER_MONTH,
      premiumLettersPerMonth: config.PREMIUM_LETTERS_PER_MONTH,
      timeZone: config.QUOTA_TIME_ZONE,
      reservationTtlMs: 10 * 60_000,
      premiumPriceLabel: config.PREMIUM_PRICE_LABEL,
      maxGenerationsInFlight: paidEngine ? config.AI_MAX_IN_FLIGHT_PER_USER : null,
      paymentConfigured: Boolean(
        config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET && config.STRIPE_PRICE_ID,
      ),
    },
  };

  const engine = overrides.engine ?? (await createAiEngine(config, overrides.resilience));
  // Requirements the rules missed, asked by the user on the review page: a short wait at most.
  const enrichOffer = async (offer: OfferProfile, text: string) => {
    try {
      return await engine.enrich.requirements(offer, text, {
        language: offer.language,
        names: offer.recruiter ? [offer.recruiter.name] : [],
        signal: AbortSignal.timeout(Math.min(config.AI_TIMEOUT_MS, 15_000)),
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('ai_unavailable', AI_UNAVAILABLE_MESSAGE, { reason: 'timeout' });
    }
  };
  const documents: DocumentDeps = {
    documents: createDocumentStore(db),
    reader: {
      async extract(bytes, filename) {
        const extracted = await extractDocumentText(bytes, {
          ...(filename ? { filename } : {}),
          maxBytes: config.UPLOAD_LIMIT_BYTES,
        });
        return { text: extracted.text, mediaType: extracted.mediaType, report: extracted.report };
      },
    },
    fetcher: createOfferFetcher({ allowPrivateNetwork: overrides.allowPrivateOfferUrls ?? false }),
    readCv: parseCv,
    readOffer: parseOffer,
    ...(paidEngine ? { enrichOffer } : {}),
  };

  const letters: LetterDeps = {
    letters: createLetterStore(db, database.prepared),
    documents,
    plans,
    clock,
    writer: engine,
    aiBudget: paidEngine
      ? {
          perUserDailyTokens: config.AI_DAILY_TOKENS_PER_USER,
          totalDailyTokens: config.AI_DAILY_TOKENS_TOTAL,
        }
      : null,
    prepareBrief: createBriefPreparer(),
    checkGrounding,
  };

  const provider =
    config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET && config.STRIPE_PRICE_ID
      ? (await import('./adapters/payments/stripe-provider')).createStripeProvider({
          secretKey: config.STRIPE_SECRET_KEY,
          webhookSecret: config.STRIPE_WEBHOOK_SECRET,
          priceId: config.STRIPE_PRICE_ID,
          ...(overrides.stripeApi ? { api: overrides.stripeApi } : {}),
        })
      : null;

  return {
    config,
    pingDatabase: database.ping,
    isShuttingDown: overrides.isShuttingDown ?? (() => false),
    metrics: overrides.metrics ?? createMetricsRegistry(),
    ...(overrides.webRoot ? { webRoot: overrides.webRoot } : {}),
    auth,
    plans,
    documents,
    letters,
    exporter: letterExporter,
    analyses: {
      analyses: createAnalysisStore(db),
      letters: letters.letters,
      documents,
      plans,
      analyzers: createAnalyzers(engine, clock),
      limitAtsForFree,
      clock,
    },
    billing: {
      provider,
      billing: createBillingStore(db),
      entitlements: plans.entitlements,
      users: auth.users,
      audit: auth.audit,
      publicUrl: config.PUBLIC_URL,
    },
  };
}
