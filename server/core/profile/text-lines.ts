/**
 * Line-level helpers shared by the CV and offer readers: cleaning raw text, recognising
 * bullets, splitting lists without breaking parentheses. Pure and allocation-light.
 */

/** Longest input read; beyond this a CV or offer is not a CV or offer, and we stay fast. */
export const MAX_INPUT_CHARS = 200_000;

/** Bullet markers seen in CVs and offers; a dash only counts when followed by a space. */
const BULLET_RE = /^\s*(?:[•▪◦●■□➢►▸✓✔→*·]|[-–—](?=\s))\s*/u;

/** Control characters other than tab and newline, zero-width marks and the BOM. */
const NOISE_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g;

/** Normalise line ends, strip invisible noise, cap the length: every reader starts here. */
export function cleanText(input: unknown): string {
  if (typeof input !== 'string') return '';
  const text = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(NOISE_RE, '')
      .replace(/[\u00A0\u202F\u2007]/g, ' ')
      .replace(/[’‘]/g, "'")
      // A "word" of 200+ characters is noise (binary, base64); truncating it keeps every regex linear.
      .replace(/\S{200,}/g, (run) => run.slice(0, 200))
  );
}

/** Split into lines with trailing spaces removed (leading spaces kept: they can mark bullets). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\s+$/, ''));
}

/** True when the line starts with a bullet marker. */
export function isBullet(line: string): boolean {
  return BULLET_RE.test(line) && line.replace(BULLET_RE, '').trim().length > 0;
}

/** The line's text without its bullet marker. */
export function stripBullet(line: string): string {
  return line.replace(BULLET_RE, '').trim();
}

/** Lowercase, accents removed, apostrophes unified: for comparing labels, never for output. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Split on any of the separator strings or patterns, but never inside parentheses or
 * guillemets, so that "DSP (filters, FFT)" stays one item.
 */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const sticky = new RegExp(separator.source, `${separator.flags.replace(/[gy]/g, '')}y`);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '«') depth++;
    else if ((ch === ')' || ch === ']' || ch === '»') && depth > 0) depth--;
    else if (depth === 0) {
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m && m[0].length > 0) {
        parts.push(text.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Remove parenthesised asides: "Harbury & Cole (department stores)" → "Harbury & Cole". */
export function stripParentheses(text: string): string {
  return text
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trim spaces and the punctuation a list item may carry at its ends. */
export function trimItem(text: string): string {
  return text
    .replace(/^[\s,;:.·|]+/, '')
    .replace(/[\s,;:.·|]+$/, '')
    .trim();
}

/** Words that are all capitals in a mostly capitalised line ("KÉVIN LE GALL"). */
export function isMostlyUppercase(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length > 0.85;
}

const NAME_PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'da', 'di', 'del', 'der', 'dos']);

/** "KÉVIN LE GALL" → "Kévin Le Gall"; particles (de, van…) stay lowercase inside the name. */
export function toNameCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) => {
      if (/^\s+$/.test(word)) return word;
      if (i > 0 && NAME_PARTICLES.has(word)) return word;
      return word.replace(/(^|[-'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join('');
}

/** Words kept in capitals when a capitalised title is brought to sentence case. */
const KEEP_UPPER = new Set([
  'RH',
  'HR',
  'IT',
  'QA',
  'UX',
  'UI',
  'SQL',
  'B2B',
  'B2C',
  'SAP',
  'ERP',
  'CRM',
  'BTP',
  'PME',
  'TPE',
  'SI',
  'DSI',
  'PHP',
  'CHR',
  'IA',
  'AI',
  'BI',
  'SEO',
  'CDI',
  'CDD',
  'RSE',
  'EMEA',
  'API',
  'DevOps',
]);

/** "TECHNICIEN DE MAINTENANCE H/F" → "Technicien de maintenance H/F" (acronyms kept). */
export function toSentenceCase(text: string): string {
  const lowered = text
    .split(/(\s+|[()/,–—-])/)
    .map((word) => {
      const bare = word.replace(/[·.]/g, '');
      if (KEEP_UPPER.has(bare) || /\d/.test(word)) return word;
      return word.toLowerCase();
    })
    .join('');
  return lowered.replace(/^(\P{L}*)(\p{L})/u, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}
