/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers too). */
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../error-handler';

export interface HealthDeps {
  /** Resolves when the database answers. */
  pingDatabase(): Promise<void>;
  /** True once shutdown has begun: the instance should leave the load balancer. */
  isShuttingDown(): boolean;
}

const READY_TIMEOUT_MS = 1_500;

export async function healthRoutes(app: FastifyInstance, deps: HealthDeps) {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).send(errorBody(request, 'unavailable'));
    try {
      await withTimeout(deps.pingDatabase(), READY_TIMEOUT_MS);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send(errorBody(request, 'unavailable'));
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
