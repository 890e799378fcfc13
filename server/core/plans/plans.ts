/**
 * Plans and what they unlock, in one place. Free: 2 letters a month and the basics; Premium:
 * unlimited letters under a fair-use ceiling and the advanced analyses. Beta-Tester is Premium
 * granted by a code for a number of days (an entitlement with source "beta").
 */
export const FEATURES = [
  'letters',
  'transferable_skills',
  'ats_score',
  'ats_full',
  'mirror',
  'coach',
  'trajectory',
  'offer_requirements',
  'export_pdf',
  'export_txt',
  'export_docx',
  'history',
] as const;
export type Feature = (typeof FEATURES)[number];

export type PlanId = 'free' | 'premium';

const FREE_FEATURES: ReadonlySet<Feature> = new Set([
  'letters',
  'transferable_skills',
  'ats_score',
  'export_pdf',
  'export_txt',
  'history',
]);

export function planAllows(plan: PlanId, feature: Feature): boolean {
  return plan === 'premium' || FREE_FEATURES.has(feature);
}

/** What Premium adds to Free, for the "premium_required" answer and the plan page. */
export const PREMIUM_ONLY: readonly Feature[] = FEATURES.filter((f) => !FREE_FEATURES.has(f));

export interface Entitlement {
  plan: 'premium';
  source: 'stripe' | 'beta' | 'admin';
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
}

export interface EffectivePlan {
  plan: PlanId;
  /** Where Premium comes from (the longest-lasting active entitlement), or null on Free. */
  source: Entitlement['source'] | null;
  /** When Premium ends (null: until cancelled). */
  endsAt: Date | null;
}

/** The plan in force at `now`: Premium while any entitlement is active, Free otherwise. */
export function effectivePlan(entitlements: readonly Entitlement[], now: Date): EffectivePlan {
  const active = entitlements.filter(
    (e) => e.revokedAt === null && e.startsAt <= now && (e.endsAt === null || e.endsAt > now),
  );
  if (active.length === 0) return { plan: 'free', source: null, endsAt: null };
  const best = [...active].sort(
    (a, b) => (b.endsAt?.getTime() ?? Infinity) - (a.endsAt?.getTime() ?? Infinity),
  )[0]!;
  return { plan: 'premium', source: best.source, endsAt: best.endsAt };
}

export interface PlanLimits {
  freeLettersPerMonth: number;
  premiumLettersPerMonth: number;
}

export function monthlyLetterLimit(plan: PlanId, limits: PlanLimits): number {
  return plan === 'premium' ? limits.premiumLettersPerMonth : limits.freeLettersPerMonth;
}
