import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../server/ports/clock';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { newAccount, signUp, TestClient } from '../support/http-client';
import { type RunningApp, startTestApp } from '../support/test-app';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const KEY = createHash('sha256').update(SECRET).digest();

function tokenFromMail(text: string): string {
  const match = /#token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no token in mail: ${text}`);
  return match[1]!;
}

async function signAccess(
  claims: Record<string, unknown>,
  options: { key?: Uint8Array; exp?: number; aud?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('phoenix-letters')
    .setAudience(options.aud ?? 'phoenix-letters:api')
    .setIssuedAt(now - 10)
    .setExpirationTime(options.exp ?? now + 300)
    .sign(options.key ?? KEY);
}

describe.each(ENGINES)('accounts and sessions (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  const clock = createFakeClock(new Date());

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database, {}, { clock });
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  const client = () => new TestClient(running.url);

  describe('passwords', () => {
    it.each([
      ['too short', 'court'],
      ['common', 'azerty123'],
      ['too long', 'x'.repeat(129)],
    ])('rejects a %s password with 422 and a field error', async (_label, password) => {
      const response = await client().post('/api/auth/register', newAccount({ password }));
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details.fields[0].field).toBe('password');
    });

    it('accepts a 64-character Unicode password and logs in with it', async () => {
      const graphemes = [
        ...new Intl.Segmenter().segment('Ünïcødé 🔥 密码 — à l’été, ça sent bon les œillets; 9✓'),
      ].map((s) => s.segment);
      const password = [...graphemes, ...Array(64).fill('ж')].slice(0, 64).join('');
      expect([...new Intl.Segmenter().segment(password)]).toHaveLength(64);
      const { user } = await signUp(running.url, { password });
      expect(user.email).toMatch(/@example\.com$/);
    });

    it('stores argon2id hashes with at least m=19 MiB, t=2, p=1', async () => {
      const { account } = await signUp(running.url);
      const row = await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', account.email)
        .executeTakeFirstOrThrow();
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row.password_hash);
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
      expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    });

    it('rehashes on login when the stored hash used weaker parameters', async () => {
      const { hash } = await import('@node-rs/argon2');
      const { account, user } = await signUp(running.url);
      const weak = await hash(account.password, {
        algorithm: 2,
        memoryCost: 8_192,
        timeCost: 1,
        parallelism: 1,
      });
      await database.db.updateTable('users').set({ password_hash: weak }).where('id', '=', user.id).execute();
      const login = await client().post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      expect(login.status).toBe(200);
      const row = await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/m=19456,t=2,p=1/);
    });
  });

  describe('no user enumeration', () => {
    it('answers register, login and reset identically for known and unknown e-mails', async () => {
      const { account } = await signUp(running.url);
      const unknown = newAccount();

      const registerKnown = await client().post('/api/auth/register', {
        ...account,
        password: 'un autre mot de passe long',
      });
      const registerUnknown = await client().post('/api/auth/register', unknown);
      expect(registerKnown.status).toBe(registerUnknown.status);
      expect(registerKnown.body).toEqual(registerUnknown.body);

      const loginKnown = await client().post('/api/auth/login', {
        email: account.email,
        password: 'mauvais mot de passe',
      });
      const loginUnknown = await client().post('/api/auth/login', {
        email: `nobody${Date.now()}@example.com`,
        password: 'mauvais mot de passe',
      });
      expect(loginKnown.status).toBe(401);
      expect(loginUnknown.status).toBe(401);
      expect(loginKnown.body.error).toEqual(loginUnknown.body.error);

      const resetKnown = await client().post('/api/auth/password-reset', { email: account.email });
      const resetUnknown = await client().post('/api/auth/password-reset', {
        email: `nobody${Date.now()}@example.com`,
      });
      expect(resetKnown.status).toBe(202);
      expect(resetKnown.body).toEqual(resetUnknown.body);
    });

    it('takes comparable time for known and unknown e-mails at login (dummy hash)', async () => {
      const { account } = await signUp(running.url);
      const time = async (email: string) => {
        const start = performance.now();
        await client().post('/api/auth/login', { email, password: 'mauvais mot de passe' });
        return performance.now() - start;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i++) {
        known.push(await time(account.email));
        unknown.push(await time(`ghost${i}${Date.now()}@example.com`));
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      // Both paths run one argon2 verification; without the dummy hash the unknown path is ~20× faster.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    });
  });

  describe('refresh tokens', () => {
    it('rotates the refresh token on every use and keeps the session', async () => {
      const { client: browser } = await signUp(running.url);
      const first = browser.cookies.get('pl_refresh');
      const refreshed = await browser.post('/api/auth/refresh');
      expect(refreshed.status).toBe(200);
      const second = browser.cookies.get('pl_refresh');
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect((await browser.get('/api/me')).status).toBe(200);
    });

    it('revokes the whole family when a rotated token is presented again after the grace window', async () => {
      const { client: browser } = await signUp(running.url);
      const stolen = browser.cookies.get('pl_refresh')!;
      expect((await browser.post('/api/auth/refresh')).status).toBe(200);
      clock.advance(60_000);
      const thief = new TestClient(running.url);
      thief.cookies.set('pl_refresh', stolen);
      expect((await thief.post('/api/auth/refresh')).status).toBe(401);
      // The legitimate holder's newer token is dead too: the family is revoked.
      const after = await browser.post('/api/auth/refresh');
      expect(after.status).toBe(401);
    });

    it('turns 20 parallel refreshes with the same token into exactly one rotation', async () => {
      const { client: browser, user } = await signUp(running.url);
      const token = browser.cookies.get('pl_refresh')!;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => {
          const tab = new TestClient(running.url);
          tab.cookies.set('pl_refresh', token);
          return tab.post('/api/auth/refresh');
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const rotatedCookies = answers.filter((a) =>
        a.headers.getSetCookie().some((c) => c.startsWith('pl_refresh=')),
      );
      expect(rotatedCookies).toHaveLength(1);
      const rows = await database.db
        .selectFrom('refresh_tokens')
        .select(['revoked_at'])
        .where('user_id', '=', user.id)
        .execute();
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.revoked_at === null)).toBe(true);
    });

    it('sets httpOnly SameSite cookies and nothing readable by scripts', async () => {
      const account = newAccount();
      const browser = client();
      await browser.post('/api/auth/register', account);
      const login = await browser.post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      const cookies = login.headers.getSetCookie();
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
        expect(cookie).toMatch(/Path=\//);
      }
      expect(JSON.stringify(login.body)).not.toMatch(/token/i);
    });
  });

  describe('access tokens', () => {
    it('rejects alg:none, a wrong key, an expired token, a wrong audience and a refresh token used as access', async () => {
      const { client: browser, user } = await signUp(running.url);
      const sid = '00000000-0000-4000-8000-000000000000';
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({
          sub: user.id,
          typ: 'access',
          sid,
          iss: 'phoenix-letters',
          aud: 'phoenix-letters:api',
          exp: 9_999_999_999,
          iat: 1,
        }),
      ).toString('base64url');
      const forged = [
        `${header}.${payload}.`,
        await signAccess({ sub: user.id, typ: 'access', sid }, { key: new Uint8Array(32).fill(7) }),
        await signAccess({ sub: user.id, typ: 'access', sid }, { exp: Math.floor(Date.now() / 1000) - 3600 }),
        await signAccess({ sub: user.id, typ: 'access', sid }, { aud: 'someone-else' }),
        await signAccess({ sub: user.id, typ: 'refresh', sid }),
        browser.cookies.get('pl_refresh')!,
      ];
      for (const token of forged) {
        const response = await new TestClient(running.url).get('/api/me', {
          authorization: `Bearer ${token}`,
        });
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('unauthenticated');
      }
      // The control: a well-formed token with the right key is accepted.
      const good = await signAccess({ sub: user.id, typ: 'access', sid });
      expect(
        (await new TestClient(running.url).get('/api/me', { authorization: `Bearer ${good}` })).status,
      ).toBe(200);
    });

    it('denies by default: API routes need a session', async () => {
      expect((await client().get('/api/me')).status).toBe(401);
      expect((await client().get('/api/me/export')).status).toBe(401);
    });
  });

  describe('revocation', () => {
    it('logout revokes the session server-side', async () => {
      const { client: browser } = await signUp(running.url);
      const refreshToken = browser.cookies.get('pl_refresh')!;
      expect((await browser.post('/api/auth/logout')).status).toBe(204);
      expect(browser.cookies.size).toBe(0);
      const replay = new TestClient(running.url);
      replay.cookies.set('pl_refresh', refreshToken);
      expect((await replay.post('/api/auth/refresh')).status).toBe(401);
    });

    it('password change needs the current password and ends all other sessions', async () => {
      const { client: first, account } = await signUp(running.url);
      const second = client();
      await second.post('/api/auth/login', { email: account.email, password: account.password });
      const wrong = await first.post('/api/me/password', {
        currentPassword: 'pas le bon',
        newPassword: 'nouvelle phrase secrète',
      });
      expect(wrong.status).toBe(403);
      const changed = await first.post('/api/me/password', {
        currentPassword: account.password,
        newPassword: 'nouvelle phrase secrète',
      });
      expect(changed.status).toBe(204);
      expect((await second.post('/api/auth/refresh')).status).toBe(401);
      expect((await first.post('/api/auth/refresh')).status).toBe(200);
      const oldLogin = await client().post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      expect(oldLogin.status).toBe(401);
    });
  });

  it('limits login attempts per account with 429 and Retry-After', async () => {
    const { account } = await signUp(running.url);
    let last = await client().post('/api/auth/login', { email: account.email, password: 'mauvais 1' });
    for (let attempt = 0; attempt < 10 && last.status !== 429; attempt++) {
      last = await client().post('/api/auth/login', { email: account.email, password: `mauvais ${attempt}` });
    }
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the account is locked for the window.
    const right = await client().post('/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(right.status).toBe(429);
    clock.advance(16 * 60_000);
    expect(
      (await client().post('/api/auth/login', { email: account.email, password: account.password })).status,
    ).toBe(200);
  });

  describe('password reset', () => {
    it('uses a token once, ends sessions, and refuses it after an hour', async () => {
      const { client: browser, account } = await signUp(running.url);
      await client().post('/api/auth/password-reset', { email: account.email });
      await new Promise((r) => setTimeout(r, 50));
      const mail = running.outbox.filter((m) => m.to === account.email).at(-1)!;
      const token = tokenFromMail(mail.text);
      const confirm = await client().post('/api/auth/password-reset/confirm', {
        token,
        newPassword: 'ma toute nouvelle phrase',
      });
      expect(confirm.status).toBe(204);
      const again = await client().post('/api/auth/password-reset/confirm', {
        token,
        newPassword: 'encore une autre phrase',
      });
      expect(again.status).toBe(400);
      expect((await browser.post('/api/auth/refresh')).status).toBe(401);
      expect(
        (
          await client().post('/api/auth/login', {
            email: account.email,
            password: 'ma toute nouvelle phrase',
          })
        ).status,
      ).toBe(200);

      await client().post('/api/auth/password-reset', { email: account.email });
      await new Promise((r) => setTimeout(r, 50));
      const late = tokenFromMail(running.outbox.filter((m) => m.to === account.email).at(-1)!.text);
      clock.advance(61 * 60_000);
      expect(
        (
          await client().post('/api/auth/password-reset/confirm', {
            token: late,
            newPassword: 'trop tard pour celle-ci',
          })
        ).status,
      ).toBe(400);
    });
  });

  it('verifies the e-mail address with the link sent at registration', async () => {
    const { client: browser, account } = await signUp(running.url);
    await new Promise((r) => setTimeout(r, 50));
    expect((await browser.get('/api/me')).body.emailVerified).toBe(false);
    const mail = running.outbox.find((m) => m.to === account.email && /Confirmez/.test(m.subject))!;
    expect(mail.text).toContain('/verify-email#token=');
    expect(
      (await client().post('/api/auth/verify-email/confirm', { token: tokenFromMail(mail.text) })).status,
    ).toBe(204);
    expect((await browser.get('/api/me')).body.emailVerified).toBe(true);
  });

  it('changes the e-mail after re-authentication and confirmation from the new address', async () => {
    const { client: browser, account } = await signUp(running.url);
    const newEmail = `new${Date.now()}@example.org`;
    expect(
      (await browser.post('/api/me/email', { currentPassword: 'faux mot de passe', newEmail })).status,
    ).toBe(403);
    expect(
      (await browser.post('/api/me/email', { currentPassword: account.password, newEmail })).status,
    ).toBe(202);
    await new Promise((r) => setTimeout(r, 50));
    const mail = running.outbox.filter((m) => m.to === newEmail).at(-1)!;
    expect(
      (await client().post('/api/auth/change-email/confirm', { token: tokenFromMail(mail.text) })).status,
    ).toBe(204);
    expect((await browser.get('/api/me')).body.email).toBe(newEmail);
  });

  it('rejects writes from a foreign Origin (CSRF)', async () => {
    const { client: browser } = await signUp(running.url);
    const foreign = await browser.request('PATCH', '/api/me', {
      json: { displayName: 'Pirate' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_rejected');
    const crossSite = await browser.request('POST', '/api/auth/logout', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await browser.get('/api/me')).body.displayName).toBe('Camille Test');
    const sameOrigin = await browser.request('PATCH', '/api/me', {
      json: { displayName: 'Camille' },
      headers: {
        origin: new URL(running.url).origin.replace('127.0.0.1', '127.0.0.1'),
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('rejects plan and role in PATCH /api/me and leaves the database unchanged', async () => {
    const { client: browser, user } = await signUp(running.url);
    for (const body of [{ role: 'admin' }, { plan: 'premium' }, { displayName: 'Ok', role: 'admin' }]) {
      const response = await browser.patch('/api/me', body);
      expect(response.status).toBe(422);
    }
    const row = await database.db
      .selectFrom('users')
      .select(['role', 'display_name'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'user', display_name: 'Camille Test' });
    const entitlements = await database.db
      .selectFrom('entitlements')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(entitlements).toEqual([]);
  });

  it('exports the user’s rows and no one else’s', async () => {
    const a = await signUp(running.url);
    const b = await signUp(running.url);
    const exported = await a.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const text = JSON.stringify(exported.body);
    expect(exported.body.users[0].email).toBe(a.account.email);
    expect(exported.body.consents.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'age_18',
      'privacy_notice',
    ]);
    expect(text).not.toContain(b.account.email);
    expect(text).not.toContain(b.user.id);
    expect(text).not.toMatch(/password_hash|argon2/);
  });

  it('deletes the account completely and its refresh token stops working', async () => {
    const { client: browser, account, user } = await signUp(running.url);
    const refreshToken = browser.cookies.get('pl_refresh')!;
    expect((await browser.delete('/api/me', { currentPassword: 'pas le bon' })).status).toBe(403);
    expect((await browser.delete('/api/me', { currentPassword: account.password })).status).toBe(204);
    const tables = [
      'refresh_tokens',
      'consents',
      'user_tokens',
      'audit_events',
      'documents',
      'letters',
      'analyses',
      'quota_ledger',
    ] as const;
    for (const table of tables) {
      const { rows } = await sql<{
        count: number;
      }>`select count(*)::int as count from ${sql.table(table)} where user_id = ${user.id}`.execute(
        database.db,
      );
      expect(rows[0]!.count, table).toBe(0);
    }
    expect(
      await database.db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst(),
    ).toBeUndefined();
    const replay = new TestClient(running.url);
    replay.cookies.set('pl_refresh', refreshToken);
    expect((await replay.post('/api/auth/refresh')).status).toBe(401);
    expect(
      (await client().post('/api/auth/login', { email: account.email, password: account.password })).status,
    ).toBe(401);
  });
});
