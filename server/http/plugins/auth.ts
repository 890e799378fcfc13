/**
 * Authentication and CSRF for the API. Deny by default: every /api route needs a valid access
 * token unless its route config says `public: true`. Unsafe methods must come from our own origin
 * (Sec-Fetch-Site, else Origin), which stops cross-site form posts riding on the cookies.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../core/errors';
import type { AccessTokens } from '../../ports/security';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (login, register, health…). */
    public?: boolean;
  }
  interface FastifyRequest {
    auth?: { userId: string; sessionId: string };
  }
}

export interface CookieNames {
  access: string;
  refresh: string;
}

/** `__Host-` cookies need HTTPS; on plain http (local use) the names drop the prefix. */
export function cookieNames(secure: boolean): CookieNames {
  return secure
    ? { access: '__Host-pl_access', refresh: '__Host-pl_refresh' }
    : { access: 'pl_access', refresh: 'pl_refresh' };
}

export interface SessionCookies {
  names: CookieNames;
  setSession(
    reply: FastifyReply,
    session: { accessToken: string; accessExpiresIn: number; refreshToken?: string; refreshExpiresAt?: Date },
  ): void;
  clear(reply: FastifyReply): void;
}

export function createSessionCookies(secure: boolean): SessionCookies {
  const names = cookieNames(secure);
  const base = { httpOnly: true, secure, path: '/' } as const;
  return {
    names,
    setSession(reply, session) {
      reply.setCookie(names.access, session.accessToken, {
        ...base,
        sameSite: 'lax',
        maxAge: session.accessExpiresIn,
      });
      if (session.refreshToken) {
        reply.setCookie(names.refresh, session.refreshToken, {
          ...base,
          sameSite: 'strict',
          ...(session.refreshExpiresAt ? { expires: session.refreshExpiresAt } : {}),
        });
      }
    },
    clear(reply) {
      reply.clearCookie(names.access, base);
      reply.clearCookie(names.refresh, base);
    },
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthPluginOptions {
  accessTokens: AccessTokens;
  cookies: SessionCookies;
  allowedOrigins: string[];
}

function isApi(url: string) {
  return url === '/api' || url.startsWith('/api/');
}

/** The API's own documentation is public (its routes are registered by @fastify/swagger-ui). */
function isPublicDocs(url: string) {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

function checkOrigin(request: FastifyRequest, allowedOrigins: string[]) {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw new AppError('csrf_rejected', {
      fr: 'Requête refusée : elle ne vient pas de Phoenix Letters.',
      en: 'Request refused: it does not come from Phoenix Letters.',
    });
  }
  const origin = request.headers.origin;
  // No Origin and no Sec-Fetch-Site: not a browser (curl, server-to-server); cookies are not ambient there.
  if (origin === undefined) return;
  if (!allowedOrigins.includes(origin)) {
    throw new AppError('csrf_rejected', {
      fr: 'Requête refusée : elle ne vient pas de Phoenix Letters.',
      en: 'Request refused: it does not come from Phoenix Letters.',
    });
  }
}

async function authPlugin(app: FastifyInstance, options: AuthPluginOptions) {
  await app.register(cookie);
  app.decorateRequest('auth', undefined);

  app.addHook('onRequest', async (request) => {
    if (!isApi(request.url) || isPublicDocs(request.url)) return;
    if (UNSAFE.has(request.method) && !request.routeOptions.config?.webhook) {
      checkOrigin(request, options.allowedOrigins);
    }
    const token = readAccessToken(request, options.cookies.names.access);
    if (token) {
      const claims = await options.accessTokens.verify(token);
      if (claims) request.auth = { userId: claims.userId, sessionId: claims.sessionId };
    }
    if (!request.auth && !request.routeOptions.config?.public && request.is404 !== true) {
      throw new AppError('unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' });
    }
  });
}

function readAccessToken(request: FastifyRequest, cookieName: string): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return request.cookies[cookieName];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Signed server-to-server callback (Stripe): no Origin check, its own signature check. */
    webhook?: boolean;
  }
}

export const registerAuth = fp(authPlugin, { name: 'phoenix-auth' });

/** The authenticated user of a request; routes behind the auth hook always have one. */
export function authOf(request: FastifyRequest): { userId: string; sessionId: string } {
  if (!request.auth)
    throw new AppError('unauthenticated', { fr: 'Veuillez vous connecter.', en: 'Please log in.' });
  return request.auth;
}
