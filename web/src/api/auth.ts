/** The account endpoints (contract/auth.ts), one typed function each. */
import type { z } from 'zod';
import type {
  AcceptedSchema,
  ChangeEmailRequestSchema,
  ChangePasswordRequestSchema,
  RegisterRequestSchema,
  UpdateMeRequestSchema,
} from '../../../contract/auth';
import { api, type SessionInfo, session, type User } from './client';

export type Accepted = z.infer<typeof AcceptedSchema>;
export type RegisterInput = z.input<typeof RegisterRequestSchema>;
export type UpdateMeInput = z.input<typeof UpdateMeRequestSchema>;
export type ChangePasswordInput = z.input<typeof ChangePasswordRequestSchema>;
export type ChangeEmailInput = z.input<typeof ChangeEmailRequestSchema>;

export const register = (input: RegisterInput) => api<Accepted>('POST', '/api/auth/register', input);

export async function login(input: { email: string; password: string }): Promise<SessionInfo> {
  const info = await api<SessionInfo>('POST', '/api/auth/login', input);
  session.started(info);
  return info;
}

export async function logout(): Promise<void> {
  await api<void>('POST', '/api/auth/logout');
  session.ended();
}

export const requestPasswordReset = (email: string) =>
  api<Accepted>('POST', '/api/auth/password-reset', { email });

export const confirmPasswordReset = (token: string, newPassword: string) =>
  api<void>('POST', '/api/auth/password-reset/confirm', { token, newPassword });

export const resendVerification = () => api<void>('POST', '/api/auth/verify-email');

export const confirmEmailVerification = (token: string) =>
  api<void>('POST', '/api/auth/verify-email/confirm', { token });

export const confirmEmailChange = (token: string) =>
  api<void>('POST', '/api/auth/change-email/confirm', { token });

export const getMe = () => api<User>('GET', '/api/me');

export const updateMe = (input: UpdateMeInput) => api<User>('PATCH', '/api/me', input);

export const changePassword = (input: ChangePasswordInput) => api<void>('POST', '/api/me/password', input);

export const changeEmail = (input: ChangeEmailInput) => api<void>('POST', '/api/me/email', input);

/** The account export as pretty JSON text, ready to be saved as a file. */
export async function exportMyData(): Promise<string> {
  const data = await api<unknown>('GET', '/api/me/export');
  return JSON.stringify(data, null, 2);
}

export async function deleteAccount(currentPassword: string): Promise<void> {
  await api<void>('DELETE', '/api/me', { currentPassword });
  session.ended();
}
