import { describe, expect, it } from 'vitest';
import { effectivePlan, PREMIUM_ONLY, planAllows } from './plans';
import { nextPeriodStart, quotaPeriod } from './quota-period';

const PARIS = 'Europe/Paris';

describe('quota periods in Europe/Paris', () => {
  it('rolls over at local midnight, not UTC midnight', () => {
    // 30 Nov 2026 23:30 UTC is already 1 Dec 00:30 in Paris (UTC+1 in winter).
    expect(quotaPeriod(new Date('2026-11-30T22:59:59Z'), PARIS)).toBe('2026-11');
    expect(quotaPeriod(new Date('2026-11-30T23:00:00Z'), PARIS)).toBe('2026-12');
    expect(nextPeriodStart(new Date('2026-11-15T12:00:00Z'), PARIS).toISOString()).toBe(
      '2026-11-30T23:00:00.000Z',
    );
  });

  it('handles the year boundary', () => {
    expect(quotaPeriod(new Date('2026-12-31T22:59:59Z'), PARIS)).toBe('2026-12');
    expect(quotaPeriod(new Date('2026-12-31T23:00:00Z'), PARIS)).toBe('2027-01');
    expect(nextPeriodStart(new Date('2026-12-10T00:00:00Z'), PARIS).toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
  });

  it('handles the end of March (spring forward on the last Sunday) and of October (fall back)', () => {
    // March 2027: DST starts on Sunday 28 March; 1 April midnight is UTC+2.
    expect(nextPeriodStart(new Date('2027-03-31T12:00:00Z'), PARIS).toISOString()).toBe(
      '2027-03-31T22:00:00.000Z',
    );
    expect(quotaPeriod(new Date('2027-03-31T21:59:59Z'), PARIS)).toBe('2027-03');
    expect(quotaPeriod(new Date('2027-03-31T22:00:00Z'), PARIS)).toBe('2027-04');
    // October 2026: DST ended on Sunday 25 October; 1 November midnight is UTC+1.
    expect(nextPeriodStart(new Date('2026-10-31T12:00:00Z'), PARIS).toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
    expect(quotaPeriod(new Date('2026-10-31T22:59:59Z'), PARIS)).toBe('2026-10');
    expect(quotaPeriod(new Date('2026-10-31T23:00:00Z'), PARIS)).toBe('2026-11');
  });

  it('works in other time zones', () => {
    expect(quotaPeriod(new Date('2026-12-01T04:00:00Z'), 'America/New_York')).toBe('2026-11');
    expect(nextPeriodStart(new Date('2026-11-10T00:00:00Z'), 'UTC').toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });
});

describe('plans', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  it('gives Premium while an entitlement is active and Free after it ends', () => {
    const beta = {
      plan: 'premium' as const,
      source: 'beta' as const,
      startsAt: new Date('2026-11-01'),
      endsAt: new Date('2026-12-01'),
      revokedAt: null,
    };
    expect(effectivePlan([beta], now)).toEqual({ plan: 'premium', source: 'beta', endsAt: beta.endsAt });
    expect(effectivePlan([beta], new Date('2026-12-01T00:00:00Z')).plan).toBe('free');
    expect(effectivePlan([{ ...beta, revokedAt: now }], now).plan).toBe('free');
  });

  it('keeps the advanced features for Premium', () => {
    expect(planAllows('free', 'letters')).toBe(true);
    expect(planAllows('free', 'coach')).toBe(false);
    expect(planAllows('free', 'export_docx')).toBe(false);
    expect(planAllows('premium', 'coach')).toBe(true);
    expect(PREMIUM_ONLY).toEqual([
      'ats_full',
      'mirror',
      'coach',
      'trajectory',
      'offer_requirements',
      'export_docx',
    ]);
  });
});
