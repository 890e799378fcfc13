import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertAcceptablePassword, findPasswordProblem } from './password-policy';

describe('password policy', () => {
  it('refuses short, long and common passwords', () => {
    expect(findPasswordProblem('court1')).toBe('too_short');
    expect(findPasswordProblem('a'.repeat(129))).toBe('too_long');
    expect(findPasswordProblem('azerty123')).toBe('common');
    expect(findPasswordProblem('Password2024!')).toBe('common');
    expect(findPasswordProblem('MotDePasse')).toBe('common');
    expect(findPasswordProblem('zzzzzzzzzz')).toBe('common');
  });

  it('refuses the user’s own e-mail or name', () => {
    expect(findPasswordProblem('julien.marchetti1', { email: 'julien.marchetti@example.fr' })).toBe(
      'personal',
    );
    expect(findPasswordProblem('Julien Marchetti', { displayName: 'Julien Marchetti' })).toBe('personal');
  });

  it('accepts any characters, counting user-perceived characters', () => {
    expect(findPasswordProblem('les oiseaux chantent à l’aube')).toBeNull();
    const unicode = 'Ünïcødé🔥密码'.repeat(6).slice(0, 64);
    expect(findPasswordProblem(unicode)).toBeNull();
    // 8 emoji are 8 characters even though they are 16 UTF-16 units.
    expect(findPasswordProblem('🔥🎉🚀🌍🐱🍕🎸📚')).toBeNull();
    expect(findPasswordProblem('🔥🎉🚀🌍🐱🍕🎸')).toBe('too_short');
  });

  it('throws a field error in both languages', () => {
    try {
      assertAcceptablePassword('123456789');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('validation_failed');
      expect(appError.messageIn('fr')).toMatch(/courants/);
      expect(appError.details?.fields).toEqual([
        expect.objectContaining({ field: 'password', reason: 'common' }),
      ]);
    }
  });
});
