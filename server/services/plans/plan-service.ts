/**
 * Plans at the moment of each decision: entitlements are read from the database every time (never
 * from a token), quotas are reserved before an AI call and committed or released after it.
 */
import { AppError } from '../../core/errors';
import {
  effectivePlan,
  FEATURES,
  type Feature,
  monthlyLetterLimit,
  type PlanLimits,
  PREMIUM_ONLY,
  planAllows,
} from '../../core/plans/plans';
import { nextPeriodStart, quotaPeriod } from '../../core/plans/quota-period';
import type { Clock } from '../../ports/clock';
import type { BetaCodeStore, EntitlementStore, QuotaLedger, QuotaReservation } from '../../ports/plan-stores';

export interface PlanDeps {
  entitlements: EntitlementStore;
  ledger: QuotaLedger;
  betaCodes: BetaCodeStore;
  clock: Clock;
  settings: PlanLimits & {
    timeZone: string;
    /** A reservation left by a crashed process stops counting after this long. */
    reservationTtlMs: number;
    premiumPriceLabel: string;
    paymentConfigured: boolean;
    /** Generations one user may have in flight (a cost control for paid engines); null: no limit. */
    maxGenerationsInFlight: number | null;
  };
}

export async function currentPlan(deps: PlanDeps, userId: string) {
  return effectivePlan(await deps.entitlements.listForUser(userId), deps.clock.now());
}

export async function planSummary(deps: PlanDeps, userId: string) {
  const now = deps.clock.now();
  const plan = await currentPlan(deps, userId);
  const period = quotaPeriod(now, deps.settings.timeZone);
  const limit = monthlyLetterLimit(plan.plan, deps.settings);
  const used = await deps.ledger.used(userId, period, now);
  return {
    plan: plan.plan,
    source: plan.source,
    premiumEndsAt: plan.endsAt?.toISOString() ?? null,
    quota: {
      period,
      used,
      limit,
      remaining: Math.max(0, limit - used),
      resetsAt: nextPeriodStart(now, deps.settings.timeZone).toISOString(),
      fairUse: plan.plan === 'premium',
    },
    features: Object.fromEntries(FEATURES.map((f) => [f, planAllows(plan.plan, f)])) as Record<
      Feature,
      boolean
    >,
    premium: {
      priceLabel: deps.settings.premiumPriceLabel,
      paymentConfigured: deps.settings.paymentConfigured,
      unlocks: [...PREMIUM_ONLY],
      lettersPerMonth: deps.settings.premiumLettersPerMonth,
    },
    freeLettersPerMonth: deps.settings.freeLettersPerMonth,
  };
}

/** Throws 403 `premium_required` (with what Premium unlocks) unless the user's plan has the feature. */
export async function requireFeature(deps: PlanDeps, userId: string, feature: Feature): Promise<void> {
  const plan = await currentPlan(deps, userId);
  if (!planAllows(plan.plan, feature)) {
    throw new AppError(
      'premium_required',
      {
        fr: 'Cette fonction fait partie de Premium. Passez à Premium ou utilisez un code bêta-testeur pour la débloquer.',
        en: 'This feature is part of Premium. Upgrade or redeem a beta-tester code to unlock it.',
      },
      { feature, unlocks: PREMIUM_ONLY },
    );
  }
}

/** Reserves one letter generation or throws 429 `quota_exceeded` with the reset date. */
/**
 * Reserves one letter of the month's quota with a single conditional write. `plan` may be read
 * beforehand, alongside the caller's other reads, to save a round trip before the first word.
 */
export async function reserveLetter(
  deps: PlanDeps,
  userId: string,
  plan?: Awaited<ReturnType<typeof currentPlan>>,
): Promise<QuotaReservation> {
  plan ??= await currentPlan(deps, userId);
  const now = deps.clock.now();
  const limit = monthlyLetterLimit(plan.plan, deps.settings);
  const period = quotaPeriod(now, deps.settings.timeZone);
  const reservation = await deps.ledger.reserve({
    userId,
    period,
    limit,
    now,
    expiresAt: new Date(now.getTime() + deps.settings.reservationTtlMs),
    maxInFlight: deps.settings.maxGenerationsInFlight,
  });
  if (reservation) return reservation;
  const limitInFlight = deps.settings.maxGenerationsInFlight;
  if (limitInFlight != null && (await deps.ledger.inFlight(userId, now)) >= limitInFlight) {
    throw new AppError(
      'generation_in_progress',
      {
        fr: 'Une lettre est déjà en cours d’écriture : attendez qu’elle soit terminée.',
        en: 'A letter is already being written: wait until it is finished.',
      },
      { maxInFlight: limitInFlight },
    );
  }
  const resetsAt = nextPeriodStart(now, deps.settings.timeZone);
  const dateFr = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'long',
    timeZone: deps.settings.timeZone,
  }).format(resetsAt);
  const dateEn = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeZone: deps.settings.timeZone,
  }).format(resetsAt);
  throw new AppError(
    'quota_exceeded',
    plan.plan === 'premium'
      ? {
          fr: `Vous avez atteint la limite d’usage raisonnable de ${limit} lettres ce mois-ci. Elle se renouvelle le ${dateFr}.`,
          en: `You have reached the fair-use limit of ${limit} letters this month. It renews on ${dateEn}.`,
        }
      : {
          fr: `Vos ${limit} lettres gratuites de ce mois sont utilisées. Elles se renouvellent le ${dateFr} ; Premium les rend illimitées.`,
          en: `Your ${limit} free letters this month are used. They renew on ${dateEn}; Premium makes them unlimited.`,
        },
    {
      limit,
      plan: plan.plan,
      resetsAt: resetsAt.toISOString(),
      retryAfterSeconds: Math.ceil((resetsAt.getTime() - now.getTime()) / 1000),
    },
  );
}

export function commitLetter(deps: PlanDeps, reservation: QuotaReservation, letterId: string) {
  return deps.ledger.commit(reservation.id, letterId, deps.clock.now());
}

export function releaseLetter(deps: PlanDeps, reservation: QuotaReservation) {
  return deps.ledger.release(reservation.id, deps.clock.now());
}

const REDEEM_ERRORS = {
  unknown: { fr: 'Ce code bêta-testeur n’existe pas.', en: 'This beta-tester code does not exist.' },
  expired: { fr: 'Ce code bêta-testeur a expiré.', en: 'This beta-tester code has expired.' },
  exhausted: {
    fr: 'Ce code bêta-testeur a déjà été utilisé autant de fois que prévu.',
    en: 'This beta-tester code has been used as many times as allowed.',
  },
  already_redeemed: { fr: 'Vous avez déjà utilisé ce code.', en: 'You have already used this code.' },
} as const;

export async function redeemBetaCode(deps: PlanDeps, userId: string, code: string) {
  const outcome = await deps.betaCodes.redeem(code.trim().toUpperCase(), userId, deps.clock.now());
  if (!outcome.ok) {
    throw new AppError(
      outcome.reason === 'unknown' ? 'not_found' : 'conflict',
      REDEEM_ERRORS[outcome.reason],
      {
        reason: outcome.reason,
      },
    );
  }
  return planSummary(deps, userId);
}
