/**
 * Personal data never leaves for an external AI as is (DESIGN §8): e-mails, phone numbers, postal
 * addresses, links, the user's and the recruiter's names, birth dates, social security numbers and
 * IBANs become placeholders such as `[EMAIL_1]` before the call, and are put back in the answer —
 * streamed answers included, where a placeholder may arrive split across two chunks.
 */

export type PiiKind = 'EMAIL' | 'PHONE' | 'URL' | 'ADDRESS' | 'NAME' | 'BIRTHDATE' | 'NIR' | 'IBAN';

/** Placeholders and what they stand for, shared by every text of one request. */
export interface RedactionVault {
  /** `[EMAIL_1]` → `claire@example.org` */
  readonly entries: ReadonlyMap<string, string>;
  redact(text: string): string;
  restore(text: string): string;
  /** A restorer for a stream of chunks: holds back a possibly split placeholder. */
  streamRestorer(): StreamRestorer;
}

export interface StreamRestorer {
  push(chunk: string): string;
  flush(): string;
}

export interface RedactionOptions {
  /** Names known from the profiles (the candidate's, the recruiter's): redacted wherever they occur. */
  names?: readonly (string | null | undefined)[];
  /** Other known values (the postal address read from the CV). */
  addresses?: readonly (string | null | undefined)[];
}

const STREET =
  '(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|allee|impasse|route|quai|cours|square|lieu-dit|résidence|residence|street|st\\.|road|rd\\.|lane|drive|way)';

// Order matters: the most specific patterns run first so that an IBAN is not read as a phone number.
const PATTERNS: { kind: PiiKind; pattern: RegExp }[] = [
  { kind: 'EMAIL', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu },
  {
    kind: 'URL',
    pattern:
      /\b(?:https?:\/\/|www\.)[^\s<>()"']+|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|malt\.fr)\/[^\s<>()"']*/giu,
  },
  { kind: 'IBAN', pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g },
  // French NIR: sex, year, month, department (2A/2B for Corsica), commune, order, optional key.
  {
    kind: 'NIR',
    pattern:
      /\b[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2A|2B)[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?\b/g,
  },
  {
    kind: 'BIRTHDATE',
    pattern:
      /\b(?:né|née|né\(e\)|date de naissance|born(?: on)?|date of birth|DOB)\s*(?:le|:|on)?\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})/giu,
  },
  // International (+33 6 12 34 56 78, +44 20 7946 0958) and French national (06 12 34 56 78, 06.12.34.56.78).
  { kind: 'PHONE', pattern: /(?:\+|00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,5}\b/g },
  { kind: 'PHONE', pattern: /\b0[1-9](?:[\s.-]?\d{2}){4}\b/g },
  {
    kind: 'ADDRESS',
    pattern: new RegExp(
      `\\b\\d{1,4}\\s?(?:bis|ter)?,?\\s+${STREET}\\s+[^\\n,;]{2,60}?(?:,?\\s+\\d{5}\\s+[\\p{L}' -]{2,40}?(?=$|[\\n,;.|]))?(?=$|[\\n,;.|])`,
      'giu',
    ),
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive matcher for a known value (accents kept: names are written as given). */
function knownValuePattern(value: string): RegExp {
  const words = value.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

export function createRedactionVault(options: RedactionOptions = {}): RedactionVault {
  const entries = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counters = new Map<PiiKind, number>();

  function placeholderFor(kind: PiiKind, value: string): string {
    const key = `${kind}:${value.toLowerCase()}`;
    const existing = byValue.get(key);
    if (existing) return existing;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const placeholder = `[${kind}_${n}]`;
    byValue.set(key, placeholder);
    entries.set(placeholder, value);
    return placeholder;
  }

  // Full names first, then each part of three letters or more ("Dubois" alone in a signature).
  const names = (options.names ?? []).filter((n): n is string => Boolean(n?.trim()));
  const nameParts = names.flatMap((name) =>
    name.split(/[\s-]+/).filter((part) => part.length >= 3 && /^\p{Lu}/u.test(part)),
  );
  const known: { kind: PiiKind; pattern: RegExp }[] = [
    ...(options.addresses ?? [])
      .filter((a): a is string => Boolean(a && a.trim().length >= 6))
      .map((a) => ({ kind: 'ADDRESS' as const, pattern: knownValuePattern(a) })),
    ...[...names, ...nameParts]
      .sort((a, b) => b.length - a.length)
      .map((n) => ({ kind: 'NAME' as const, pattern: knownValuePattern(n) })),
  ];

  function redact(text: string): string {
    let out = text;
    for (const { kind, pattern } of [...PATTERNS, ...known]) {
      out = out.replace(pattern, (match) => {
        // Placeholders already in the text are not redacted twice.
        if (/^\[[A-Z]+_\d+\]$/.test(match)) return match;
        const trimmed = match.replace(/[\s.,;]+$/, '');
        return placeholderFor(kind, trimmed) + match.slice(trimmed.length);
      });
    }
    return out;
  }

  function restore(text: string): string {
    return text.replace(/\[([A-Z]+)_(\d+)\]/g, (placeholder) => entries.get(placeholder) ?? placeholder);
  }

  function streamRestorer(): StreamRestorer {
    let pending = '';
    return {
      push(chunk) {
        const text = pending + chunk;
        // Hold back a tail that could be the start of a placeholder ("[EMA").
        const tail = text.match(/\[[A-Z_0-9]{0,20}$/);
        const cut = tail ? text.length - tail[0].length : text.length;
        pending = text.slice(cut);
        return restore(text.slice(0, cut));
      },
      flush() {
        const rest = restore(pending);
        pending = '';
        return rest;
      },
    };
  }

  return { entries, redact, restore, streamRestorer };
}
