/**
 * Security headers on every answer.
 * - Pages (the SPA, its assets, the API docs): helmet's set — a CSP without inline scripts,
 *   nosniff, no framing, a strict referrer policy. The docs page gets its own CSP from
 *   @fastify/swagger-ui (staticCSP), which replaces this one on its routes.
 * - API answers (JSON, SSE, exports): the short set OWASP's REST cheat sheet asks for, plus
 *   `no-store` because they carry personal data.
 * Both sets are computed once: @fastify/helmet rebuilt helmet's middleware on every request,
 * which cost about 4 % of the CPU of a `GET /api/me` (DESIGN §9).
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

const API_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** Decided on the matched route when there is one (a query string or an encoded path cannot fool it). */
function isApiAnswer(routeUrl: string | undefined, url: string) {
  const path = routeUrl ?? url.split('?', 1)[0] ?? url;
  const api = path === '/api' || path.startsWith('/api/');
  const docs = path === '/api/docs' || path.startsWith('/api/docs/');
  return api && !docs;
}

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const apiHeaders = options.https
    ? { ...API_HEADERS, 'strict-transport-security': 'max-age=15552000; includeSubDomains' }
    : API_HEADERS;
  const apiHeaderList = Object.entries(apiHeaders);

  // Set on the raw response so that answers written directly (SSE streams) carry them too.
  app.addHook('onRequest', (request, reply, done) => {
    if (isApiAnswer(request.routeOptions.url, request.url)) {
      for (const [name, value] of apiHeaderList) reply.raw.setHeader(name, value);
      done();
    } else {
      pageHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    }
  });
}
