/** /api/plan: the user's plan, quota and features; beta-tester codes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BetaCodeRequestSchema, PlanSummarySchema } from '../../../contract/plan';
import type { RateLimiter } from '../../ports/security';
import { enforceRateLimit } from '../../services/auth/rate-limit';
import { type PlanDeps, planSummary, redeemBetaCode } from '../../services/plans/plan-service';
import { authOf } from '../plugins/auth';

export async function planRoutes(
  appInstance: FastifyInstance,
  deps: { plans: PlanDeps; rateLimiter: RateLimiter },
) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const tags = ['plan'];

  app.get('/api/plan', { schema: { tags, response: { 200: PlanSummarySchema } } }, async (request) =>
    planSummary(deps.plans, authOf(request).userId),
  );

  app.post(
    '/api/plan/beta-code',
    { schema: { tags, body: BetaCodeRequestSchema, response: { 200: PlanSummarySchema } } },
    async (request) => {
      const { userId } = authOf(request);
      // Codes are short secrets: limit guessing.
      await enforceRateLimit(deps.rateLimiter, `beta:user:${userId}`, [10, 3600]);
      return redeemBetaCode(deps.plans, userId, request.body.code);
    },
  );
}
