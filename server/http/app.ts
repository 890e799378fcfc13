/**
 * buildApp(deps): the Fastify application, with no I/O of its own — every dependency (database,
 * services, clock) comes in through `deps`, so tests build the same app on their own adapters.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Config } from '../config';
import type { AnalysisDeps } from '../services/analyses/analysis-service';
import type { AuthDeps } from '../services/auth/deps';
import type { DocumentDeps } from '../services/documents/document-service';
import type { LetterExporter } from '../services/letters/export-letter';
import type { LetterDeps } from '../services/letters/letter-deps';
import type { BillingDeps } from '../services/plans/billing-service';
import type { PlanDeps } from '../services/plans/plan-service';
import { handleError } from './error-handler';
import { loggerOptions } from './logging';
import { createSessionCookies, registerAuth } from './plugins/auth';
import { registerMetrics } from './plugins/metrics';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebApp } from './plugins/web-app';
import { registerWellFormedText } from './plugins/well-formed-text';
import { analysisRoutes } from './routes/analyses';
import { authRoutes } from './routes/auth';
import { billingRoutes } from './routes/billing';
import { documentRoutes } from './routes/documents';
import { healthRoutes } from './routes/health';
import { letterRoutes } from './routes/letters';
import { meRoutes } from './routes/me';
import { planRoutes } from './routes/plan';

export interface AppDeps {
  config: Config;
  /** Resolves when the database answers (readiness). */
  pingDatabase(): Promise<void>;
  /** True once graceful shutdown has begun. */
  isShuttingDown?: () => boolean;
  /** Prometheus registry shared with the rest of the process. */
  metrics: Registry;
  /** Directory of the built SPA; omitted in API-only tests. */
  webRoot?: string;
  /** Account and session use cases. */
  auth: AuthDeps;
  /** Plans, quotas and entitlements. */
  plans: PlanDeps;
  /** Subscriptions (Stripe) turned into entitlements. */
  billing: BillingDeps;
  /** CVs and offers. */
  documents: DocumentDeps;
  /** Letters: generation, versions, export. */
  letters: LetterDeps;
  /** Lays letters out as PDF, DOCX or text. */
  exporter: LetterExporter;
  /** ATS, Mirror Match, Smart Coach, Trajectory, transferable skills. */
  analyses: AnalysisDeps;
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Two log lines per request cost as much as the request itself (DESIGN §9): failures and slow
    // requests are logged by the hook below; the full access log is there at debug level.
    logController: new LogController({
      disableRequestLogging: config.LOG_LEVEL !== 'debug' && config.LOG_LEVEL !== 'trace',
    }),
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 500 || reply.elapsedTime > 1_000) {
      request.log.warn({ req: request, res: reply, ms: Math.round(reply.elapsedTime) }, 'request completed');
    }
  });

  registerWellFormedText(app);
  await registerSecurityHeaders(app, { https: config.PUBLIC_URL.startsWith('https://') });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Phoenix Letters API',
        description: 'Cover letters for career changers: documents, letters, analyses, plans.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pl_access' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await registerMetrics(app, deps.metrics);

  const secure = config.PUBLIC_URL.startsWith('https://');
  const cookies = createSessionCookies(secure);
  const allowedOrigins = [new URL(config.PUBLIC_URL).origin];
  if (config.NODE_ENV === 'development') allowedOrigins.push('http://localhost:5173');
  await app.register(registerAuth, { accessTokens: deps.auth.accessTokens, cookies, allowedOrigins });
  await app.register(authRoutes, { auth: deps.auth, cookies });
  await app.register(meRoutes, { auth: deps.auth, cookies });
  await app.register(planRoutes, { plans: deps.plans, rateLimiter: deps.auth.rateLimiter });
  await app.register(billingRoutes, { billing: deps.billing });
  await app.register(documentRoutes, {
    documents: deps.documents,
    plans: deps.plans,
    uploadLimitBytes: config.UPLOAD_LIMIT_BYTES,
  });
  await app.register(letterRoutes, { letters: deps.letters, exporter: deps.exporter });
  await app.register(analysisRoutes, { analyses: deps.analyses });

  await app.register(healthRoutes, {
    pingDatabase: deps.pingDatabase,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
  });

  await registerWebApp(app, deps.webRoot);
  return app;
}
