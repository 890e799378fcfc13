/** The PaymentProvider port on the official Stripe SDK (pointed at a fake server in tests). */
import Stripe from 'stripe';
import { AppError } from '../../core/errors';
import type { PaymentEvent, PaymentProvider } from '../../ports/payments';

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  priceId: string;
  /** Test servers: host, port and protocol of a fake Stripe API. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

const ACTIVE = new Set(['active', 'trialing', 'past_due']);

export function createStripeProvider(options: StripeOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(options.api
      ? { host: options.api.host, port: options.api.port, protocol: options.api.protocol }
      : {}),
  });

  return {
    async createCustomer({ email, userId }) {
      const customer = await stripe.customers.create({ email, metadata: { userId } });
      return customer.id;
    },
    async createCheckout({ customerId, userId, successUrl, cancelUrl }) {
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer: customerId,
        client_reference_id: userId,
        line_items: [{ price: options.priceId, quantity: 1 }],
        subscription_data: { metadata: { userId } },
        success_url: successUrl,
        cancel_url: cancelUrl,
      });
      if (!session.url)
        throw new AppError('unavailable', { fr: 'Paiement indisponible.', en: 'Payment unavailable.' });
      return session.url;
    },
    async createPortal({ customerId, returnUrl }) {
      const session = await stripe.billingPortal.sessions.create({
        customer: customerId,
        return_url: returnUrl,
      });
      return session.url;
    },
    parseWebhook(rawBody, signature): PaymentEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? '', options.webhookSecret);
      } catch {
        throw new AppError('invalid_request', {
          fr: 'Signature du webhook invalide.',
          en: 'Invalid webhook signature.',
        });
      }
      const occurredAt = new Date(event.created * 1000);
      switch (event.type) {
        case 'customer.subscription.created':
        case 'customer.subscription.updated':
        case 'customer.subscription.deleted': {
          const sub = event.data.object;
          const periodEnd = sub.items?.data?.[0]?.current_period_end;
          const ended = event.type === 'customer.subscription.deleted' || !ACTIVE.has(sub.status);
          return {
            kind: 'subscription',
            change: {
              eventId: event.id,
              occurredAt,
              subscriptionId: sub.id,
              customerId: typeof sub.customer === 'string' ? sub.customer : sub.customer.id,
              userId: sub.metadata?.userId ?? null,
              state: ended ? 'ended' : 'active',
              periodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
            },
          };
        }
        case 'checkout.session.completed': {
          const session = event.data.object;
          const customer = session.customer;
          return {
            kind: 'checkout_completed',
            eventId: event.id,
            customerId: typeof customer === 'string' ? customer : (customer?.id ?? ''),
            userId: session.client_reference_id ?? null,
          };
        }
        case 'invoice.payment_failed': {
          const invoice = event.data.object;
          const customer = invoice.customer;
          return {
            kind: 'payment_failed',
            eventId: event.id,
            customerId: typeof customer === 'string' ? customer : (customer?.id ?? ''),
            occurredAt,
          };
        }
        default:
          return { kind: 'ignored', eventId: event.id, type: event.type };
      }
    },
  };
}
