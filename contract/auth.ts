/** Request and response shapes of the account endpoints, shared by the server routes and the web client. */
import { z } from 'zod';

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Adresse e-mail invalide / Invalid e-mail address' }))
  .transform((email) => email.toLowerCase());

/** Length only: strength rules (common passwords) are the domain's, so they answer with a clear code. */
export const PasswordSchema = z.string().min(1).max(1024);

export const UiLanguageSchema = z.enum(['fr', 'en']);

export const RegisterRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: z.string().trim().min(1).max(100),
  language: UiLanguageSchema.default('fr'),
  acceptPrivacyNotice: z.literal(true, { message: 'Required / Obligatoire' }),
  confirmAdult: z.literal(true, { message: 'Required / Obligatoire' }),
});
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
});

export const AcceptedSchema = z.object({ status: z.literal('accepted'), message: z.string() });

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  language: UiLanguageSchema,
  emailVerified: z.boolean(),
  role: z.enum(['user', 'admin']),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({
  user: UserSchema,
  /** Seconds until the access token expires; the client refreshes a little before. */
  accessExpiresIn: z.number(),
});

export const UpdateMeRequestSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  language: UiLanguageSchema.optional(),
});

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: PasswordSchema,
  newPassword: PasswordSchema,
});

export const ChangeEmailRequestSchema = z.strictObject({
  currentPassword: PasswordSchema,
  newEmail: EmailSchema,
});

export const DeleteAccountRequestSchema = z.strictObject({
  currentPassword: PasswordSchema,
});

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });

export const TokenSchema = z.string().trim().min(20).max(200);

export const PasswordResetConfirmSchema = z.strictObject({
  token: TokenSchema,
  newPassword: PasswordSchema,
});

export const TokenConfirmSchema = z.strictObject({ token: TokenSchema });
