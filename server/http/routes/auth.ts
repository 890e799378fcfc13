/** /api/auth/*: register, log in, refresh, log out, password reset, e-mail verification. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptedSchema,
  LoginRequestSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RegisterRequestSchema,
  SessionSchema,
  TokenConfirmSchema,
} from '../../../contract/auth';
import {
  confirmEmailChange,
  confirmEmailVerification,
  confirmPasswordReset,
  register,
  requestPasswordReset,
  resendVerification,
} from '../../services/auth/accounts';
import type { AuthDeps } from '../../services/auth/deps';
import { login, logout, refresh } from '../../services/auth/sessions';
import { requestLanguage } from '../language';
import { authOf, type SessionCookies } from '../plugins/auth';

export interface AuthRouteDeps {
  auth: AuthDeps;
  cookies: SessionCookies;
}

export async function authRoutes(appInstance: FastifyInstance, deps: AuthRouteDeps) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const publicRoute = { public: true };
  const tags = ['auth'];

  app.post(
    '/api/auth/register',
    {
      config: publicRoute,
      schema: { tags, body: RegisterRequestSchema, response: { 202: AcceptedSchema } },
    },
    async (request, reply) => {
      const message = await register(deps.auth, { ...request.body, ip: request.ip });
      return reply.status(202).send({ status: 'accepted', message: message[requestLanguage(request)] });
    },
  );

  app.post(
    '/api/auth/login',
    { config: publicRoute, schema: { tags, body: LoginRequestSchema, response: { 200: SessionSchema } } },
    async (request, reply) => {
      const session = await login(deps.auth, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      deps.cookies.setSession(reply, session);
      return { user: session.user, accessExpiresIn: session.accessExpiresIn };
    },
  );

  app.post(
    '/api/auth/refresh',
    { config: publicRoute, schema: { tags, response: { 200: SessionSchema } } },
    async (request, reply) => {
      try {
        const session = await refresh(deps.auth, {
          refreshToken: request.cookies[deps.cookies.names.refresh],
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        deps.cookies.setSession(reply, session);
        return { user: session.user, accessExpiresIn: session.accessExpiresIn };
      } catch (error) {
        if ((error as { code?: string }).code === 'unauthenticated') deps.cookies.clear(reply);
        throw error;
      }
    },
  );

  app.post('/api/auth/logout', { config: publicRoute, schema: { tags } }, async (request, reply) => {
    await logout(deps.auth, {
      refreshToken: request.cookies[deps.cookies.names.refresh],
      ...(request.auth ? { sessionId: request.auth.sessionId } : {}),
    });
    deps.cookies.clear(reply);
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/password-reset',
    {
      config: publicRoute,
      schema: { tags, body: PasswordResetRequestSchema, response: { 202: AcceptedSchema } },
    },
    async (request, reply) => {
      const message = await requestPasswordReset(deps.auth, { email: request.body.email, ip: request.ip });
      return reply.status(202).send({ status: 'accepted', message: message[requestLanguage(request)] });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { config: publicRoute, schema: { tags, body: PasswordResetConfirmSchema } },
    async (request, reply) => {
      await confirmPasswordReset(deps.auth, request.body);
      deps.cookies.clear(reply);
      return reply.status(204).send();
    },
  );

  app.post('/api/auth/verify-email', { schema: { tags } }, async (request, reply) => {
    await resendVerification(deps.auth, authOf(request).userId);
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/verify-email/confirm',
    { config: publicRoute, schema: { tags, body: TokenConfirmSchema } },
    async (request, reply) => {
      await confirmEmailVerification(deps.auth, request.body.token);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/change-email/confirm',
    { config: publicRoute, schema: { tags, body: TokenConfirmSchema } },
    async (request, reply) => {
      await confirmEmailChange(deps.auth, request.body.token);
      return reply.status(204).send();
    },
  );
}
