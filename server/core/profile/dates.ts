/**
 * Finding and normalising date ranges as CVs write them, in French and English:
 * "2018 – 2024", "03/2025 - présent", "janv. 2016 – août 2024", "Sept 2015 to July 2025",
 * "Depuis septembre 2024", "mars à mai 2025", "2025 (4 mois)".
 */

/** A date range as written and normalised (YYYY or YYYY-MM; end null = ongoing). */
export interface DateRange {
  asWritten: string;
  start: string | null;
  end: string | null;
}

// Longest spellings first so that "janv" wins over "jan", "mars" over "mar".
const MONTH =
  '(?:janvier|janv|jan(?:uary)?|f[ée]vrier|f[ée]vr|f[ée]v|feb(?:ruary)?|mars|march|mar|avril|avr|april|apr|mai|may|juin|june|jun|juillet|juil|july|jul|ao[uû]t|august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|d[ée]cembre|december|d[ée]c)(?![\\p{L}])\\.?';
const YEAR = '(?:19|20)\\d{2}';
const POINT = `(?:${MONTH}\\s+${YEAR}|(?:0?[1-9]|1[0-2])[/.]${YEAR}|${YEAR})`;
const ONGOING = "(?:pr[ée]sent|present|aujourd'hui|ce jour|now|current|today|en cours|ongoing)";
const SEP = "(?:\\s*[–—−-]\\s*|\\s+(?:to|à|au|until|till|jusqu'(?:à|en|au))\\s+)";
const ASIDE = '(?:\\s*\\([^()]{1,60}\\))?';

/** One range: "depuis X", "X – Y", "month à month YEAR", or a single point. */
const RANGE_SRC = `(?:(?:depuis|since|from|de)\\s+${POINT}|${MONTH}${SEP}${MONTH}\\s+${YEAR}|${POINT}(?:${SEP}(?:${POINT}|${ONGOING}))?)${ASIDE}`;

const RANGE_ONLY_RE = new RegExp(`^\\s*\\(?(${RANGE_SRC})\\)?\\s*$`, 'iu');
const RANGE_LEAD_RE = new RegExp(
  `^\\s*(${RANGE_SRC})(?![\\p{L}\\d])\\s*(?:[:|·—–-]\\s*|\\s{2,}|\\t+)(?=\\S)`,
  'iu',
);
const RANGE_TRAIL_RE = new RegExp(
  `(?:\\s*[|·—–,-]\\s*|\\s+)(?:\\((${RANGE_SRC})\\)|(${RANGE_SRC}))\\s*$`,
  'iu',
);

const MONTH_NUMBERS: [RegExp, number][] = [
  [/^jan/, 1],
  [/^fe/, 2],
  [/^mar/, 3],
  [/^a[vp]r/, 4],
  [/^ma[iy]/, 5],
  [/^ju(in|n)/, 6],
  [/^ju(il|l)/, 7],
  [/^a[ou]/, 8],
  [/^sep/, 9],
  [/^oct/, 10],
  [/^nov/, 11],
  [/^de/, 12],
];

/** Month number from a French or English month word, or null. */
export function monthNumber(word: string): number | null {
  const w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  for (const [re, n] of MONTH_NUMBERS) if (re.test(w)) return n;
  return null;
}

interface Point {
  year: number | null;
  month: number | null;
}

const POINT_RE = new RegExp(`(${MONTH})\\s+(${YEAR})|(\\d{1,2})[/.](${YEAR})|(${YEAR})|(${MONTH})`, 'giu');

function readPoints(text: string): Point[] {
  const points: Point[] = [];
  for (const m of text.matchAll(POINT_RE)) {
    if (m[1] && m[2]) points.push({ month: monthNumber(m[1]), year: Number(m[2]) });
    else if (m[3] && m[4]) points.push({ month: Number(m[3]), year: Number(m[4]) });
    else if (m[5]) points.push({ month: null, year: Number(m[5]) });
    else if (m[6]) points.push({ month: monthNumber(m[6]), year: null });
  }
  return points;
}

function formatPoint(p: Point): string | null {
  if (p.year === null) return null;
  return p.month ? `${p.year}-${String(p.month).padStart(2, '0')}` : String(p.year);
}

/** Normalise a range already isolated from its line ("Sept 2015 to July 2025"). */
export function normaliseRange(asWritten: string): DateRange {
  const core = asWritten.replace(/\([^()]*\)/g, ' ');
  const ongoing = new RegExp(`${SEP}${ONGOING}`, 'iu').test(core) || /^\s*(depuis|since)\b/iu.test(core);
  const points = readPoints(core);
  const first = points[0];
  const last = points.length > 1 ? points[points.length - 1] : undefined;
  if (!first) return { asWritten, start: null, end: null };
  // "mars à mai 2025": the start borrows the end's year.
  if (first.year === null && last?.year) first.year = last.year;
  const start = formatPoint(first);
  let end: string | null;
  if (ongoing) end = null;
  else if (last) end = formatPoint(last);
  else end = start;
  return { asWritten, start, end };
}

/** The line is nothing but a date range (possibly with an aside such as "(4 mois)"). */
export function readDateOnlyLine(line: string): DateRange | null {
  const m = RANGE_ONLY_RE.exec(line);
  return m?.[1] ? normaliseRange(m[1].trim()) : null;
}

/** A range found at the start or end of a line, and the line without it. */
export interface LineDate {
  range: DateRange;
  rest: string;
}

/** Find a range at the start ("2019 - 2025 : Chef de rang") or the end ("… | 2016-2024") of a line. */
export function findLineDate(line: string): LineDate | null {
  const only = readDateOnlyLine(line);
  if (only) return { range: only, rest: '' };
  const lead = RANGE_LEAD_RE.exec(line);
  if (lead?.[1]) return { range: normaliseRange(lead[1].trim()), rest: line.slice(lead[0].length).trim() };
  const trail = RANGE_TRAIL_RE.exec(line);
  const found = trail?.[1] ?? trail?.[2];
  if (trail && found && trail.index > 0) {
    return { range: normaliseRange(found.trim()), rest: line.slice(0, trail.index).trim() };
  }
  return null;
}

/** Remove a trailing date (", 2025", " (2024)", ", 2015–2025") from a certification or degree. */
export function stripTrailingDate(text: string): string {
  const trail = RANGE_TRAIL_RE.exec(text);
  return trail && trail.index > 0 ? text.slice(0, trail.index).trim() : text;
}

/** True when the line opens with a date range ("2019 - 2025 : …") or is only a date. */
export function startsWithDate(line: string): boolean {
  return RANGE_ONLY_RE.test(line) || RANGE_LEAD_RE.test(line);
}
