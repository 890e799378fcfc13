/**
 * A fake Stripe API on 127.0.0.1 for the official SDK: customers, Checkout sessions and portal
 * sessions, form-encoded like the real one. It records what it received.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export interface FakeStripe {
  port: number;
  requests: { path: string; params: URLSearchParams; authorization: string | undefined }[];
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: FakeStripe['requests'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ path, params, authorization: req.headers.authorization });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'POST' && path === '/v1/customers') {
        return send(200, {
          id: id('cus'),
          object: 'customer',
          email: params.get('email'),
          metadata: { userId: params.get('metadata[userId]') },
        });
      }
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        if (!params.get('line_items[0][price]'))
          return send(400, { error: { type: 'invalid_request_error', message: 'Missing price' } });
        const session = id('cs_test');
        return send(200, {
          id: session,
          object: 'checkout.session',
          mode: 'subscription',
          url: `https://checkout.stripe.test/c/pay/${session}`,
        });
      }
      if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
        return send(200, {
          id: id('bps'),
          object: 'billing_portal.session',
          url: `https://billing.stripe.test/p/session/${id('x')}`,
        });
      }
      send(404, {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${req.method}: ${path})`,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A subscription event as Stripe sends it (the fields the app reads, and the usual envelope). */
export function subscriptionEvent(input: {
  type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted';
  subscriptionId: string;
  customerId: string;
  userId?: string;
  status: string;
  created: number;
  periodEnd: number;
}) {
  return {
    id: id('evt'),
    object: 'event',
    api_version: '2025-10-29.clover',
    created: input.created,
    type: input.type,
    livemode: false,
    data: {
      object: {
        id: input.subscriptionId,
        object: 'subscription',
        customer: input.customerId,
        status: input.status,
        metadata: input.userId ? { userId: input.userId } : {},
        items: {
          object: 'list',
          data: [{ id: id('si'), object: 'subscription_item', current_period_end: input.periodEnd }],
        },
      },
    },
  };
}
