/** A user account as the domain sees it. */
export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  language: 'fr' | 'en';
  role: 'user' | 'admin';
  passwordHash: string;
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** The public view of an account (never the hash). */
export function toPublicUser(user: UserAccount) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}
