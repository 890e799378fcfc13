/**
 * Contact details as CVs and offers write them: e-mail, phone in French, UK and international
 * spellings, LinkedIn and other URLs, postal address, birth date. Values are returned as written.
 */

const EMAIL_RE = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[a-z]{2,}/iu;

// International forms first, then UK (0xxxx xxxxxx), then French (0x xx xx xx xx, any separator),
// then North American "(555) 771-3390".
const PHONE_RE = new RegExp(
  [
    '\\+44\\s?(?:\\(0\\)\\s?)?\\d{4}\\s?\\d{6}',
    '\\+44\\s?(?:\\(0\\)\\s?)?\\d{2,3}\\s?\\d{4}\\s?\\d{4}',
    '\\+33\\s?(?:\\(0\\)\\s?)?[1-9](?:[\\s.-]?\\d{2}){4}',
    '\\+\\d{1,3}[\\s.-]?(?:\\(\\d{1,4}\\)[\\s.-]?)?\\d{1,4}(?:[\\s.-]?\\d{2,4}){2,4}',
    '(?<![\\d/.])0\\d{4}\\s\\d{6}(?!\\d)',
    '(?<![\\d/.])0[1-9](?:[\\s.-]?\\d{2}){4}(?![\\d/])',
    '\\(\\d{3}\\)\\s?\\d{3}[-.\\s]\\d{4}',
    '(?<!\\d)\\d{3}[-.]\\d{3}[-.]\\d{4}(?!\\d)',
  ].join('|'),
  'u',
);

const LINKEDIN_RE = /(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/(?:in|pub)\/[\p{L}\d_%.-]+\/?/iu;

const URL_RE =
  /\bhttps?:\/\/[^\s<>()"'|,]+|(?<![@\p{L}\d.\-/])(?:www\.)?(?:[a-z\d-]+\.)+(?:com|fr|org|net|io|dev|me|eu|co\.uk|uk|app|tech|info|be|ch|ca|de)\/[^\s<>()"'|,]*/giu;

const FR_POSTCODE_RE = /\b\d{5}\s+\p{Lu}/u;
const UK_POSTCODE_RE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/;
const STREET_RE =
  /^\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|allée|impasse|place|cours|boulevard|bd|chemin|quai|route|square|passage|résidence|lotissement|[\p{Lu}][\p{L}'-]+\s+(?:Close|Road|Street|Lane|Avenue|Drive|Way|Court|Place|Gardens|Crescent|Terrace))/iu;

const LABEL_RE =
  /^(?:portfolio|github|gitlab|linkedin|mobile|portable|t[ée]l(?:[ée]phone)?|phone|tel|e-?mail|courriel|mail|adresse|address|site(?:\s+web)?|web(?:site)?|blog|location|localisation|ville)\s*:\s*/iu;

const MONTH_WORDS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december';
const BIRTH_RE = new RegExp(
  `(?:n[ée]e?(?:\\(e\\))?\\s+le|date\\s+de\\s+naissance|date\\s+of\\s+birth|born(?:\\s+on)?|DOB)\\s*:?\\s*(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:er)?\\s+(?:${MONTH_WORDS})\\s+\\d{4}|(?:${MONTH_WORDS})\\s+\\d{1,2},?\\s+\\d{4})`,
  'iu',
);

/** The first e-mail address in the text, as written. */
export function findEmail(text: string): string | null {
  return EMAIL_RE.exec(text)?.[0] ?? null;
}

/** The first phone number in the text, as written (French, UK, international, US spellings). */
export function findPhone(text: string): string | null {
  const m = PHONE_RE.exec(text);
  if (!m) return null;
  const digits = m[0].replace(/\D/g, '').length;
  // "+1-555-0100" style fictional numbers are short; a bare national number needs nine digits.
  const min = m[0].startsWith('+') ? 8 : 9;
  return digits >= min && digits <= 15 ? m[0].trim() : null;
}

/** The first LinkedIn profile URL, as written. */
export function findLinkedin(text: string): string | null {
  return LINKEDIN_RE.exec(text)?.[0].replace(/[.,;)]+$/, '') ?? null;
}

/** Other URLs (portfolio, GitHub…), in order, LinkedIn and e-mail domains excluded. */
export function findUrls(text: string): string[] {
  const urls: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:)\]]+$/, '');
    if (/linkedin\.com/i.test(url) || urls.includes(url)) continue;
    urls.push(url);
  }
  return urls;
}

/** The birth date as written after "Né le", "Date de naissance :", "Date of birth:"… */
export function findBirthDate(text: string): string | null {
  return BIRTH_RE.exec(text)?.[1] ?? null;
}

/** Remove a leading "Téléphone :" / "Portfolio :" style label. */
export function stripContactLabel(segment: string): string {
  return segment.replace(LABEL_RE, '').trim();
}

/** True when the segment reads as a postal address (street number + street, or a postcode). */
export function looksLikeAddress(segment: string): boolean {
  const s = stripContactLabel(segment);
  if (STREET_RE.test(s)) return true;
  return /^\d{1,4}\s/.test(s) && (FR_POSTCODE_RE.test(s) || UK_POSTCODE_RE.test(s));
}

/** The city of a French or UK address ("14 rue X, 31400 Toulouse" → "Toulouse"). */
export function cityOfAddress(address: string): string | null {
  const fr = /\b\d{5}\s+([\p{L}][\p{L}' -]*[\p{L}])/u.exec(address);
  if (fr?.[1]) return fr[1].trim();
  const parts = address.split(',').map((p) => p.trim());
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last) return last.replace(UK_POSTCODE_RE, '').trim() || null;
  return null;
}

/** True when the segment carries an e-mail, phone or URL: contact, not prose. */
export function hasContactToken(segment: string): boolean {
  return (
    EMAIL_RE.test(segment) ||
    findPhone(segment) !== null ||
    LINKEDIN_RE.test(segment) ||
    /https?:\/\//.test(segment)
  );
}

/** Split a contact line on its separators ("a · b | c / d — e"). */
export function splitContactSegments(line: string): string[] {
  return line
    .split(/\s+[·|/•—–]\s+|\s{3,}|\t+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
