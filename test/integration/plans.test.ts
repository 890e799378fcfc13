import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../server/ports/clock';
import { commitLetter, releaseLetter, reserveLetter } from '../../server/services/plans/plan-service';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp } from '../support/http-client';
import { type RunningApp, startTestApp } from '../support/test-app';

describe.each(ENGINES)('plans, quotas and beta codes (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  const clock = createFakeClock('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database, {}, { clock });
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it('shows the free plan with 2 letters, the reset date and locked features', async () => {
    const { client } = await signUp(running.url);
    const plan = await client.get('/api/plan');
    expect(plan.status).toBe(200);
    expect(plan.body.plan).toBe('free');
    expect(plan.body.quota).toMatchObject({ used: 0, limit: 2, remaining: 2, period: '2026-11' });
    expect(plan.body.quota.resetsAt).toBe('2026-11-30T23:00:00.000Z');
    expect(plan.body.features).toMatchObject({
      letters: true,
      ats_score: true,
      coach: false,
      export_docx: false,
    });
    expect(plan.body.premium.paymentConfigured).toBe(false);
  });

  it('reserves, commits and releases: failures cost nothing, expired reservations stop counting', async () => {
    const { user } = await signUp(running.url);
    const plans = running.deps.plans;
    const first = await reserveLetter(plans, user.id);
    await releaseLetter(plans, first); // a failed generation
    const second = await reserveLetter(plans, user.id);
    await commitLetter(plans, second, '00000000-0000-4000-8000-000000000001');
    const crashed = await reserveLetter(plans, user.id); // a process killed mid-generation
    await expect(reserveLetter(plans, user.id)).rejects.toMatchObject({ code: 'quota_exceeded' });
    clock.advance(11 * 60_000); // past the reservation TTL
    const third = await reserveLetter(plans, user.id);
    expect(third.id).not.toBe(crashed.id);
    await commitLetter(plans, third, '00000000-0000-4000-8000-000000000002');
    const error = await reserveLetter(plans, user.id).catch((e) => e);
    expect(error.code).toBe('quota_exceeded');
    expect(error.details.resetsAt).toBe('2026-11-30T23:00:00.000Z');
    expect(error.messageIn('fr')).toMatch(/1 décembre 2026|1er décembre 2026/);
  });

  it('rolls the month over at midnight Europe/Paris', async () => {
    const { user } = await signUp(running.url);
    const plans = running.deps.plans;
    clock.set('2026-11-30T22:58:00Z'); // 23:58 in Paris
    for (let i = 0; i < 2; i++)
      await commitLetter(
        plans,
        await reserveLetter(plans, user.id),
        `00000000-0000-4000-8000-00000000000${i}`,
      );
    await expect(reserveLetter(plans, user.id)).rejects.toMatchObject({ code: 'quota_exceeded' });
    clock.set('2026-11-30T23:00:00Z'); // 00:00 on 1 December in Paris
    const december = await reserveLetter(plans, user.id);
    expect(december.period).toBe('2026-12');
    clock.set('2026-11-20T10:00:00Z');
  });

  it('gives exactly 5 of 20 parallel redemptions of a 5-use beta code, once per user', async () => {
    await running.deps.plans.betaCodes.create({
      code: `PAR-${engine.toUpperCase()}`,
      maxUses: 5,
      premiumDays: 30,
      expiresAt: new Date('2027-01-01'),
    });
    const users = await Promise.all(Array.from({ length: 20 }, () => signUp(running.url)));
    const answers = await Promise.all(
      users.map(({ client }) => client.post('/api/plan/beta-code', { code: `par-${engine}` })),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(5);
    expect(
      answers.filter((a) => a.status === 409).every((a) => a.body.error.details.reason === 'exhausted'),
    ).toBe(true);
    expect(ok[0]!.body.plan).toBe('premium');
    expect(ok[0]!.body.source).toBe('beta');
    const row = await database.db
      .selectFrom('beta_codes')
      .select('uses')
      .where('code', '=', `PAR-${engine.toUpperCase()}`)
      .executeTakeFirstOrThrow();
    expect(row.uses).toBe(5);
    // The same user cannot redeem twice, even at once.
    await running.deps.plans.betaCodes.create({
      code: `TWICE-${engine.toUpperCase()}`,
      maxUses: 10,
      premiumDays: 7,
      expiresAt: new Date('2027-01-01'),
    });
    const { client } = users[19]!;
    const twice = await Promise.all(
      [1, 2, 3].map(() => client.post('/api/plan/beta-code', { code: `TWICE-${engine}` })),
    );
    expect(twice.filter((a) => a.status === 200)).toHaveLength(1);
    const twiceRow = await database.db
      .selectFrom('beta_codes')
      .select('uses')
      .where('code', '=', `TWICE-${engine.toUpperCase()}`)
      .executeTakeFirstOrThrow();
    expect(twiceRow.uses).toBe(1);
  });

  it('refuses unknown and expired codes with clear errors', async () => {
    const { client } = await signUp(running.url);
    const unknown = await client.post('/api/plan/beta-code', { code: 'NOPE-0000' });
    expect(unknown.status).toBe(404);
    await running.deps.plans.betaCodes.create({
      code: `OLD-${engine.toUpperCase()}`,
      maxUses: 3,
      premiumDays: 7,
      expiresAt: new Date('2026-01-01'),
    });
    const expired = await client.post('/api/plan/beta-code', { code: `OLD-${engine}` });
    expect(expired.status).toBe(409);
    expect(expired.body.error.details.reason).toBe('expired');
  });

  it('downgrades on the next request when Premium ends, with a still-valid access token', async () => {
    const { client, user } = await signUp(running.url);
    const now = clock.now();
    await running.deps.plans.entitlements.grant({
      userId: user.id,
      source: 'beta',
      startsAt: now,
      endsAt: new Date(now.getTime() + 60_000),
    });
    await running.deps.plans.entitlements.grant({
      userId: user.id,
      source: 'admin',
      startsAt: now,
      endsAt: null,
    });
    expect((await client.get('/api/plan')).body.plan).toBe('premium');
    await running.deps.plans.entitlements.revoke(user.id, 'admin', clock.now());
    expect((await client.get('/api/plan')).body.plan).toBe('premium'); // the beta days still run
    clock.advance(2 * 60_000); // beta over; the access token (10 min) is still valid
    const after = await client.get('/api/plan');
    expect(after.status).toBe(200);
    expect(after.body.plan).toBe('free');
    expect(after.body.quota.limit).toBe(2);
  });
});
