/** Subscription payments (Stripe behind it): hosted checkout, customer portal, signed webhook events. */

/** A subscription state change, reduced to what entitlements need. */
export interface SubscriptionChange {
  eventId: string;
  /** When the provider produced the event: older events never overwrite newer state. */
  occurredAt: Date;
  subscriptionId: string;
  customerId: string;
  /** Our user id when the subscription carries it in its metadata. */
  userId: string | null;
  /** active: Premium until `periodEnd`; ended: Premium stops now. */
  state: 'active' | 'ended';
  periodEnd: Date | null;
}

export type PaymentEvent =
  | { kind: 'subscription'; change: SubscriptionChange }
  | { kind: 'checkout_completed'; eventId: string; customerId: string; userId: string | null }
  | { kind: 'payment_failed'; eventId: string; customerId: string; occurredAt: Date }
  | { kind: 'ignored'; eventId: string; type: string };

export interface PaymentProvider {
  createCustomer(input: { email: string; userId: string }): Promise<string>;
  createCheckout(input: {
    customerId: string;
    userId: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<string>;
  createPortal(input: { customerId: string; returnUrl: string }): Promise<string>;
  /** Verifies the signature and decodes the event; throws AppError invalid_request when it does not verify. */
  parseWebhook(rawBody: Buffer, signature: string | undefined): PaymentEvent;
}

export interface BillingStore {
  customerOf(userId: string): Promise<string | null>;
  userOfCustomer(customerId: string): Promise<string | null>;
  linkCustomer(userId: string, customerId: string): Promise<void>;
  /** Records a webhook event id; false when it was already recorded (each event applied once). */
  recordEvent(eventId: string, type: string): Promise<boolean>;
  hasEvent(eventId: string): Promise<boolean>;
}
