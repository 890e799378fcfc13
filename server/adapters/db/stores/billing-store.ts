/** Stripe customers of our users and the webhook events already applied. */
import type { Kysely } from 'kysely';
import type { BillingStore } from '../../../ports/payments';
import type { Database } from '../schema';

export function createBillingStore(db: Kysely<Database>): BillingStore {
  return {
    async customerOf(userId) {
      const row = await db
        .selectFrom('billing_customers')
        .select('stripe_customer_id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.stripe_customer_id ?? null;
    },
    async userOfCustomer(customerId) {
      const row = await db
        .selectFrom('billing_customers')
        .select('user_id')
        .where('stripe_customer_id', '=', customerId)
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
    async linkCustomer(userId, customerId) {
      await db
        .insertInto('billing_customers')
        .values({ user_id: userId, stripe_customer_id: customerId })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ stripe_customer_id: customerId }))
        .execute();
    },
    async recordEvent(eventId, type) {
      const row = await db
        .insertInto('stripe_events')
        .values({ id: eventId, type })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async hasEvent(eventId) {
      return (
        (await db.selectFrom('stripe_events').select('id').where('id', '=', eventId).executeTakeFirst()) !==
        undefined
      );
    },
  };
}
