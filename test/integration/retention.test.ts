import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../server/adapters/db/stores/document-store';
import { createFakeClock } from '../../server/ports/clock';
import { purgeExpiredData } from '../../server/services/privacy/retention';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp } from '../support/http-client';
import { type RunningApp, startTestApp } from '../support/test-app';

describe.each(ENGINES)('retention of inactive accounts (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database);
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it('deletes documents and letters of accounts inactive for longer than the setting, and only theirs', async () => {
    const active = await signUp(running.url);
    const dormant = await signUp(running.url);
    const documents = createDocumentStore(database.db);
    for (const { user } of [active, dormant]) {
      await documents.create({
        userId: user.id,
        kind: 'cv',
        title: 'CV',
        filename: null,
        mediaType: 'text/plain',
        text: 'Infirmier en réanimation, tableaux de bord Excel, SQL et Power BI.',
        structured: null,
        parseReport: null,
        sourceUrl: null,
      });
    }
    const clock = createFakeClock('2029-01-15T00:00:00Z');
    await database.db
      .updateTable('users')
      .set({ last_active_at: new Date('2026-11-01T00:00:00Z') })
      .where('id', '=', dormant.user.id)
      .execute();
    await database.db
      .updateTable('users')
      .set({ last_active_at: new Date('2028-12-01T00:00:00Z') })
      .where('id', '=', active.user.id)
      .execute();

    const report = await purgeExpiredData(database.db, clock, { inactiveMonths: 24 });
    expect(report.documents).toBeGreaterThanOrEqual(1);
    expect(await documents.list(dormant.user.id)).toEqual([]);
    expect(await documents.list(active.user.id)).toHaveLength(1);
    // The account itself stays (its owner can still log in); only its documents are gone.
    expect(
      await database.db.selectFrom('users').select('id').where('id', '=', dormant.user.id).executeTakeFirst(),
    ).toBeDefined();

    // A second run finds nothing more to delete.
    const again = await purgeExpiredData(database.db, clock, { inactiveMonths: 24 });
    expect(again.documents).toBe(0);
  });

  it('records activity at login', async () => {
    const { user, account, client } = await signUp(running.url);
    await database.db
      .updateTable('users')
      .set({ last_active_at: new Date('2020-01-01T00:00:00Z') })
      .where('id', '=', user.id)
      .execute();
    await client.post('/api/auth/login', { email: account.email, password: account.password });
    const row = await database.db
      .selectFrom('users')
      .select('last_active_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.last_active_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
