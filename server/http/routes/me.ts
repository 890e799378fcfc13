/** /api/me: the signed-in user's account — profile, password, e-mail, export, deletion. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangeEmailRequestSchema,
  ChangePasswordRequestSchema,
  DeleteAccountRequestSchema,
  UpdateMeRequestSchema,
  UserSchema,
} from '../../../contract/auth';
import { toPublicUser } from '../../core/auth/user';
import {
  changePassword,
  deleteAccount,
  exportAccount,
  requestEmailChange,
  requireUser,
  updateProfile,
} from '../../services/auth/accounts';
import { authOf } from '../plugins/auth';
import type { AuthRouteDeps } from './auth';

export async function meRoutes(appInstance: FastifyInstance, deps: AuthRouteDeps) {
  const app = appInstance.withTypeProvider<ZodTypeProvider>();
  const tags = ['account'];

  app.get('/api/me', { schema: { tags, response: { 200: UserSchema } } }, async (request) => {
    const user = await requireUser(deps.auth, authOf(request).userId);
    (request as { userLanguage?: 'fr' | 'en' }).userLanguage = user.language;
    return toPublicUser(user);
  });

  app.patch(
    '/api/me',
    { schema: { tags, body: UpdateMeRequestSchema, response: { 200: UserSchema } } },
    async (request) => updateProfile(deps.auth, authOf(request).userId, request.body),
  );

  app.post(
    '/api/me/password',
    { schema: { tags, body: ChangePasswordRequestSchema } },
    async (request, reply) => {
      const { userId, sessionId } = authOf(request);
      await changePassword(deps.auth, { userId, sessionId, ...request.body });
      return reply.status(204).send();
    },
  );

  app.post('/api/me/email', { schema: { tags, body: ChangeEmailRequestSchema } }, async (request, reply) => {
    await requestEmailChange(deps.auth, { userId: authOf(request).userId, ...request.body });
    return reply.status(202).send({ status: 'accepted' });
  });

  app.get('/api/me/export', { schema: { tags } }, async (request, reply) => {
    const data = await exportAccount(deps.auth, authOf(request).userId);
    reply.header('content-disposition', 'attachment; filename="phoenix-letters-export.json"');
    reply.header('cache-control', 'no-store');
    return data;
  });

  app.delete('/api/me', { schema: { tags, body: DeleteAccountRequestSchema } }, async (request, reply) => {
    await deleteAccount(deps.auth, { userId: authOf(request).userId, ...request.body });
    deps.cookies.clear(reply);
    return reply.status(204).send();
  });
}
