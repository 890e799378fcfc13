import { describe, expect, it } from 'vitest';
import { aiProviderOf, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATA_DIR).toBe('./data');
    expect(aiProviderOf(config)).toBe('offline');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.FREE_LETTERS_PER_MONTH).toBe(2);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses Gemini by default when a key is configured, and says which key a provider lacks', () => {
    expect(aiProviderOf(loadConfig({ GEMINI_API_KEY: 'k' }))).toBe('gemini');
    expect(aiProviderOf(loadConfig({ GEMINI_API_KEY: 'k', AI_PROVIDER: 'offline' }))).toBe('offline');
    expect(() => loadConfig({ AI_PROVIDER: 'gemini' })).toThrow(
      /GEMINI_API_KEY: required when AI_PROVIDER=gemini/,
    );
    expect(() => loadConfig({ AI_PROVIDER: 'openai' })).toThrow(/OPENAI_BASE_URL/);
    expect(
      aiProviderOf(loadConfig({ AI_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })),
    ).toBe('openai');
  });

  it('treats empty strings as unset so .env.example can list blanks', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('names the bad setting in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toMatch(/^Invalid setting PORT: /);
    }
  });

  it('rejects a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'nonsense' })).toThrow(
      /Invalid setting DATABASE_URL: must be a postgres/,
    );
  });

  it('reports every bad field, one line each', () => {
    try {
      loadConfig({ PORT: '99999', QUOTA_TIME_ZONE: 'Mars/Olympus', AI_PROVIDER: 'skynet' });
      expect.unreachable();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines.join(' ')).toMatch(/PORT.*QUOTA_TIME_ZONE|QUOTA_TIME_ZONE.*PORT/);
    }
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});
