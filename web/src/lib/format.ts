/** Dates and numbers in the interface language, with Intl (no hand-made month names). */
const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

export const localeOf = (language: string) => LOCALES[language] ?? 'fr-FR';

/** "1 décembre 2025" / "1 December 2025"; the empty string for a missing or invalid date. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    date,
  );
}

/** "1 déc. 2025, 14:05" for lists and versions. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A random id for Idempotency-Key (crypto.randomUUID needs a secure context; http://127.0.0.1 is one). */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Words in a text, as the user counts them. */
export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
