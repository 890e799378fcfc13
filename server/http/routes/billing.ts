/** /api/billing: Stripe Checkout, customer portal and the signed webhook. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type BillingDeps,
  handleWebhook,
  openPortal,
  startCheckout,
} from '../../services/plans/billing-service';
import { authOf } from '../plugins/auth';

const UrlSchema = z.object({ url: z.string() });

export async function billingRoutes(appInstance: FastifyInstance, deps: { billing: BillingDeps }) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];

  app.post('/api/billing/checkout', { schema: { tags, response: { 200: UrlSchema } } }, async (request) => ({
    url: await startCheckout(deps.billing, authOf(request).userId),
  }));

  app.post('/api/billing/portal', { schema: { tags, response: { 200: UrlSchema } } }, async (request) => ({
    url: await openPortal(deps.billing, authOf(request).userId),
  }));

  // The signature covers the exact bytes: this route (alone) keeps the raw body.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/billing/webhook',
      { config: { public: true, webhook: true }, schema: { tags, hide: false } },
      async (request) =>
        handleWebhook(
          deps.billing,
          request.body as Buffer,
          request.headers['stripe-signature'] as string | undefined,
        ),
    );
  });
}
