/**
 * Premium by subscription: hosted checkout and portal, and webhook events turned into entitlements.
 * Each event is applied once; an older event never overwrites a newer state; a subscription keeps
 * Premium while active (including past_due, while the provider retries the card) and loses it when
 * it is cancelled or unpaid.
 */
import { AppError } from '../../core/errors';
import type { AuditLog, UserStore } from '../../ports/account-stores';
import type { BillingStore, PaymentProvider } from '../../ports/payments';
import type { EntitlementStore } from '../../ports/plan-stores';

export interface BillingDeps {
  provider: PaymentProvider | null;
  billing: BillingStore;
  entitlements: EntitlementStore;
  users: UserStore;
  audit: AuditLog;
  publicUrl: string;
}

const NOT_CONFIGURED = {
  fr: 'Le paiement n’est pas encore configuré sur ce serveur. Un code bêta-testeur peut débloquer Premium.',
  en: 'Payment is not configured on this server yet. A beta-tester code can unlock Premium.',
};

function requireProvider(deps: BillingDeps): PaymentProvider {
  if (!deps.provider) throw new AppError('payment_not_configured', NOT_CONFIGURED);
  return deps.provider;
}

export async function startCheckout(deps: BillingDeps, userId: string): Promise<string> {
  const provider = requireProvider(deps);
  const user = await deps.users.findById(userId);
  if (!user) throw new AppError('unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' });
  let customerId = await deps.billing.customerOf(userId);
  if (!customerId) {
    customerId = await provider.createCustomer({ email: user.email, userId });
    await deps.billing.linkCustomer(userId, customerId);
  }
  const base = deps.publicUrl.replace(/\/$/, '');
  return provider.createCheckout({
    customerId,
    userId,
    successUrl: `${base}/plan?checkout=success`,
    cancelUrl: `${base}/plan?checkout=cancelled`,
  });
}

export async function openPortal(deps: BillingDeps, userId: string): Promise<string> {
  const provider = requireProvider(deps);
  const customerId = await deps.billing.customerOf(userId);
  if (!customerId) {
    throw new AppError('conflict', {
      fr: 'Aucun abonnement à gérer pour ce compte.',
      en: 'There is no subscription to manage for this account.',
    });
  }
  return provider.createPortal({ customerId, returnUrl: `${deps.publicUrl.replace(/\/$/, '')}/plan` });
}

export async function handleWebhook(deps: BillingDeps, rawBody: Buffer, signature: string | undefined) {
  const provider = requireProvider(deps);
  const event = provider.parseWebhook(rawBody, signature);
  const eventId = event.kind === 'subscription' ? event.change.eventId : event.eventId;
  if (await deps.billing.hasEvent(eventId)) return { applied: false, duplicate: true };

  if (event.kind === 'checkout_completed' && event.userId && event.customerId) {
    if (await deps.users.findById(event.userId))
      await deps.billing.linkCustomer(event.userId, event.customerId);
  } else if (event.kind === 'subscription') {
    const { change } = event;
    const userId = change.userId ?? (await deps.billing.userOfCustomer(change.customerId));
    if (userId && (await deps.users.findById(userId))) {
      await deps.billing.linkCustomer(userId, change.customerId);
      await deps.entitlements.upsertExternal({
        userId,
        externalRef: change.subscriptionId,
        // Ended subscriptions are marked revoked; ends_at keeps the paid period for the record.
        endsAt:
          change.periodEnd && change.periodEnd > change.occurredAt
            ? change.periodEnd
            : new Date(change.occurredAt.getTime() + 1_000),
        revokedAt: change.state === 'ended' ? change.occurredAt : null,
        updatedAt: change.occurredAt,
      });
      await deps.audit.record(userId, `subscription_${change.state}`, {
        subscription: change.subscriptionId,
      });
    }
  } else if (event.kind === 'payment_failed') {
    const userId = await deps.billing.userOfCustomer(event.customerId);
    if (userId) await deps.audit.record(userId, 'payment_failed');
  }
  // Recorded after applying: if applying failed, the provider's retry applies it again.
  const first = await deps.billing.recordEvent(eventId, event.kind);
  return { applied: first, duplicate: !first };
}
