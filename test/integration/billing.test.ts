import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe, subscriptionEvent } from '../fakes/fake-stripe';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { signUp, TestClient } from '../support/http-client';
import { type RunningApp, startTestApp } from '../support/test-app';

const WEBHOOK_SECRET = 'whsec_test_secret_for_phoenix_letters';
const signer = new Stripe('sk_test_signer');

describe('payments with Stripe (official SDK against a fake Stripe)', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let fake: FakeStripe;

  beforeAll(async () => {
    fake = await startFakeStripe();
    database = await createTestDatabase('pglite');
    running = await startTestApp(
      database,
      {
        STRIPE_SECRET_KEY: 'sk_test_123',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PRICE_ID: 'price_premium_monthly',
      },
      { stripeApi: { host: '127.0.0.1', port: fake.port, protocol: 'http' } },
    );
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    await fake?.close();
  });

  const post = (event: unknown, signature?: string) => {
    const payload = JSON.stringify(event);
    const header = signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    return new TestClient(running.url).request('POST', '/api/billing/webhook', {
      body: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
    });
  };

  it('opens Checkout for the Premium price with a customer linked to the user', async () => {
    const { client, user, account } = await signUp(running.url);
    const checkout = await client.post('/api/billing/checkout');
    expect(checkout.status).toBe(200);
    expect(checkout.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const customer = fake.requests.find(
      (r) => r.path === '/v1/customers' && r.params.get('email') === account.email,
    );
    expect(customer?.authorization).toBe('Bearer sk_test_123');
    const session = fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    expect(session.params.get('line_items[0][price]')).toBe('price_premium_monthly');
    expect(session.params.get('client_reference_id')).toBe(user.id);
    expect(session.params.get('mode')).toBe('subscription');
    const portal = await client.post('/api/billing/portal');
    expect(portal.status).toBe(200);
    expect(portal.body.url).toMatch(/billing\.stripe\.test/);
  });

  it('turns subscription events into Premium, once per event, latest state winning', async () => {
    const { client, user } = await signUp(running.url);
    const now = Math.floor(Date.now() / 1000);
    const base = {
      subscriptionId: `sub_${user.id.slice(0, 8)}`,
      customerId: `cus_${user.id.slice(0, 8)}`,
      userId: user.id,
    };
    const created = subscriptionEvent({
      ...base,
      type: 'customer.subscription.created',
      status: 'active',
      created: now - 100,
      periodEnd: now + 30 * 86_400,
    });
    expect((await post(created)).status).toBe(200);
    expect((await client.get('/api/plan')).body).toMatchObject({ plan: 'premium', source: 'stripe' });

    // The same event again: applied once.
    const again = await post(created);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(
      await database.db.selectFrom('entitlements').select('id').where('user_id', '=', user.id).execute(),
    ).toHaveLength(1);

    // Cancellation, then an older "updated: active" event arriving late: the cancellation stands.
    const cancelled = subscriptionEvent({
      ...base,
      type: 'customer.subscription.deleted',
      status: 'canceled',
      created: now - 10,
      periodEnd: now + 30 * 86_400,
    });
    const lateUpdate = subscriptionEvent({
      ...base,
      type: 'customer.subscription.updated',
      status: 'active',
      created: now - 50,
      periodEnd: now + 60 * 86_400,
    });
    expect((await post(cancelled)).status).toBe(200);
    expect((await post(lateUpdate)).status).toBe(200);
    expect((await client.get('/api/plan')).body.plan).toBe('free');
  });

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const { client, user } = await signUp(running.url);
    const now = Math.floor(Date.now() / 1000);
    const event = subscriptionEvent({
      type: 'customer.subscription.created',
      subscriptionId: 'sub_forged',
      customerId: 'cus_forged',
      userId: user.id,
      status: 'active',
      created: now,
      periodEnd: now + 86_400,
    });
    const forged = signer.webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: 'whsec_wrong',
    });
    const response = await post(event, forged);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect((await client.get('/api/plan')).body.plan).toBe('free');
    expect(
      await database.db.selectFrom('stripe_events').select('id').where('id', '=', event.id).execute(),
    ).toHaveLength(0);
  });
});

describe('payments not configured', () => {
  it('explains that payment is not configured', async () => {
    const database = await createTestDatabase('pglite');
    const running = await startTestApp(database);
    try {
      const { client } = await signUp(running.url);
      const response = await client.post('/api/billing/checkout');
      expect(response.status).toBe(501);
      expect(response.body.error.code).toBe('payment_not_configured');
      expect(response.body.error.message).toMatch(/paiement n’est pas encore configuré/);
      expect((await client.get('/api/plan')).body.premium.paymentConfigured).toBe(false);
    } finally {
      await running.close();
      await database.dispose();
    }
  });
});
