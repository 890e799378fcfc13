/**
 * Reading the entries of the experience and education sections: grouping lines into entries,
 * then splitting an entry's header into title, employer (or institution), location and dates.
 */
import { type DateRange, findLineDate, readDateOnlyLine, startsWithDate } from './dates';
import type { Education, Experience } from './schemas';
import { isBullet, splitTopLevel, stripBullet, stripParentheses } from './text-lines';

interface RawEntry {
  headers: string[];
  facts: string[];
  hasDate: boolean;
}

/** Separators between title, employer and dates on one line ("—", "|", "·", a wide gap). */
const STRONG_SEP = /\s+[—–|·]\s+|\s{3,}|\t+/;

const FREELANCE_RE =
  /\b(freelance|free-lance|ind[ée]pendante?|auto-entrepreneu(?:r|se)|self-employed|micro-entrepreneu(?:r|se)|lib[ée]ral)\b/iu;
const NO_EMPLOYER_RE =
  /^(divers|various|plusieurs|several|multiple|freelance|ind[ée]pendant|self-employed)\b/iu;

// Places written alone where an employer could stand ("Session guitarist | Lisbon and London").
const PLACES = new Set(
  (
    'paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims brest quimper ' +
    'grenoble dijon angers nîmes nimes clermont-ferrand tours limoges amiens metz besançon besancon orléans orleans ' +
    'rouen caen nancy perpignan avignon poitiers pau la rochelle bayonne annecy lorient vannes saint-étienne ' +
    'london londres manchester birmingham leeds sheffield bristol liverpool newcastle glasgow edinburgh cardiff belfast ' +
    'oxford cambridge brighton nottingham leicester york bath dublin lisbon lisbonne porto madrid barcelona barcelone ' +
    'berlin munich hamburg amsterdam brussels bruxelles geneva genève genève lausanne zurich luxembourg milan rome ' +
    'new york boston chicago san francisco los angeles seattle austin toronto montreal montréal vancouver remote ' +
    'télétravail teletravail'
  ).split(' '),
);

function isPlace(text: string): boolean {
  const parts = text
    .toLowerCase()
    .split(/\s+(?:and|et|&)\s+|,\s*|\s*\/\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => PLACES.has(p) || PLACES.has(p.split(' ')[0] ?? ''));
}

/** "agence de Chamalières" → "Chamalières"; descriptive lowercase words before a place go. */
function cleanLocation(text: string | null): string | null {
  if (!text) return null;
  const cleaned = stripParentheses(text)
    .replace(/^(?:[\p{Ll}'’]+\s+)+(?=\p{Lu})/u, '')
    .trim();
  return cleaned.length > 0 && cleaned.length <= 60 ? cleaned : null;
}

/** Group a section's lines into entries: header lines, then bullet facts. */
function groupEntries(lines: string[]): RawEntry[] {
  const entries: RawEntry[] = [];
  let cur: RawEntry | null = null;
  const open = (line: string): RawEntry => {
    const entry: RawEntry = { headers: [line.trim()], facts: [], hasDate: findLineDate(line) !== null };
    entries.push(entry);
    return entry;
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      if (cur && (cur.facts.length > 0 || cur.hasDate)) cur = null;
      continue;
    }
    if (isBullet(raw)) {
      if (!cur) cur = entries[entries.length - 1] ?? open('');
      cur.facts.push(stripBullet(raw));
      continue;
    }
    const dated = findLineDate(line) !== null;
    const hasTitle = cur?.headers.some((h) => h && readDateOnlyLine(h) === null) ?? false;
    if (!cur || cur.facts.length > 0 || (cur.hasDate && hasTitle && startsWithDate(line))) {
      cur = open(line);
      continue;
    }
    // A long sentence after a complete header is a prose fact, not another header line.
    if (cur.hasDate && cur.headers.length >= 2 && line.length > 90) {
      cur.facts.push(line);
      continue;
    }
    cur.headers.push(line);
    cur.hasDate ||= dated;
  }
  return entries.filter((e) => e.headers.some((h) => h.length > 0) || e.facts.length > 0);
}

/** Pull the date out of an entry's header lines; a date-only line wins over a date inside a line. */
function takeDates(headers: string[]): { range: DateRange | null; rest: string[] } {
  const onlyIndex = headers.findIndex((h) => readDateOnlyLine(h) !== null);
  if (onlyIndex >= 0) {
    return {
      range: readDateOnlyLine(headers[onlyIndex] ?? ''),
      rest: headers.filter((_, i) => i !== onlyIndex),
    };
  }
  for (let i = 0; i < headers.length; i++) {
    const found = findLineDate(headers[i] ?? '');
    if (found) {
      const rest = [...headers];
      rest[i] = found.rest;
      return { range: found.range, rest: rest.filter((h) => h.length > 0) };
    }
  }
  return { range: null, rest: headers };
}

/** "Employer — description, City", "Employer, City (aside)", "Atelier X (agence web, Nantes)". */
function readOrganisation(text: string): { employer: string | null; location: string | null } {
  let parenPlace: string | null = null;
  for (const m of text.matchAll(/\(([^()]*,\s*(\p{Lu}[\p{L}' -]+))\)/gu)) parenPlace = m[2]?.trim() ?? null;
  const bare = stripParentheses(text);
  if (!bare) return { employer: null, location: null };
  if (isPlace(bare)) return { employer: null, location: bare };
  let employer: string;
  let location: string | null = null;
  const dashParts = bare.split(/\s+[—–]\s+/);
  if (dashParts.length > 1) {
    employer = dashParts[0] ?? '';
    const rest = dashParts.slice(1).join(', ');
    const commaParts = rest.split(/,\s*/);
    location = commaParts[commaParts.length - 1] ?? null;
  } else {
    const commaParts = splitTopLevel(bare, /,\s*/);
    employer = commaParts[0] ?? '';
    location = commaParts.length > 1 ? commaParts.slice(1).join(', ') : null;
  }
  location = cleanLocation(location) ?? parenPlace;
  if (NO_EMPLOYER_RE.test(employer)) return { employer: null, location: location };
  return { employer: employer.trim() || null, location };
}

/** Turn one raw entry into an experience. */
function toExperience(entry: RawEntry): Experience | null {
  const { range, rest } = takeDates(entry.headers);
  const lines = rest.map((l) => l.replace(/^[:\s]+|[:\s]+$/g, '')).filter(Boolean);
  if (lines.length === 0 && entry.facts.length === 0) return null;
  let title = '';
  let org: { employer: string | null; location: string | null } = { employer: null, location: null };
  const first = lines[0] ?? '';
  const strong = first.split(STRONG_SEP).filter(Boolean);
  if (strong.length > 1) {
    title = strong[0] ?? '';
    org = readOrganisation(strong.slice(1).join(', '));
  } else if (lines.length > 1) {
    title = first;
    org = readOrganisation(lines[1] ?? '');
  } else {
    const commaParts = splitTopLevel(first, /,\s+/);
    title = commaParts[0] ?? '';
    if (commaParts.length > 1) org = readOrganisation(commaParts.slice(1).join(', '));
  }
  title = title.trim();
  if (FREELANCE_RE.test(title)) {
    const location = org.employer && isPlace(org.employer) ? org.employer : org.location;
    org = { employer: null, location };
  }
  if (!title && !org.employer) return null;
  return {
    title,
    employer: org.employer,
    location: org.location,
    datesAsWritten: range?.asWritten ?? null,
    start: range?.start ?? null,
    end: range?.end ?? null,
    facts: entry.facts,
  };
}

/** Experiences of an experience section, in the CV's order. */
export function readExperiences(lines: string[]): Experience[] {
  const out: Experience[] = [];
  for (const entry of groupEntries(lines)) {
    const exp = toExperience(entry);
    if (exp) out.push(exp);
  }
  return out;
}

const DEGREE_RE =
  /\b(BA|BSc|MSc|MA|MBA|PhD|B\.S\.|M\.S\.|Bachelor|Master|Licence|Doctorat|BTS|DUT|BUT|Bac|Baccalaur[ée]at|CAP|BEP|DEUG|Dipl[ôo]me|Degree|MEEF|Ing[ée]nieur)\b/u;
const CERT_RE = /\b(certificate|certification|certified|diploma|certificat)\b/iu;

/** A detail line under a degree ("Modules: …", "Mention : bien"), not a degree. */
function isDetailLine(line: string): boolean {
  return /^(modules?|mention|sp[ée]cialit[ée]|option|courses|cours|th[eè]se|thesis|majeure|minor|major|grade)\s*:/iu.test(
    line,
  );
}

/** "Title — Institution, City" / "Title, Institution, City" / "Title | Institution". */
function readDegree(line: string): { title: string; institution: string | null } {
  const strong = line.split(STRONG_SEP).filter(Boolean);
  if (strong.length > 1) {
    const inst = splitTopLevel(strong[1] ?? '', /,\s*/)[0] ?? null;
    return { title: (strong[0] ?? '').trim(), institution: inst ? stripParentheses(inst) || null : null };
  }
  const parts = splitTopLevel(line, /,\s+/);
  const titleParts = [parts[0] ?? ''];
  let i = 1;
  // Lowercase continuations ("…, option systèmes de production") belong to the title.
  while (i < parts.length && /^\p{Ll}/u.test(parts[i] ?? '')) titleParts.push(parts[i++] ?? '');
  const inst = parts[i];
  return { title: titleParts.join(', ').trim(), institution: inst ? stripParentheses(inst) || null : null };
}

/** Degrees of an education section; certificates in a "qualifications" section are returned apart. */
export function readEducation(
  lines: string[],
  heading: string,
): { education: Education[]; certifications: string[] } {
  const education: Education[] = [];
  const certifications: string[] = [];
  const splitsCertificates = /qualification/.test(heading);
  const content = lines.map((l) => l.trim()).filter((l) => l.length > 0 && !isBullet(l) && !isDetailLine(l));
  const datesFirst = content[0] !== undefined && readDateOnlyLine(content[0]) !== null;
  let pending: DateRange | null = null;
  for (const line of content) {
    const only = readDateOnlyLine(line);
    if (only) {
      const last = education[education.length - 1];
      if (!datesFirst && last && last.datesAsWritten === null) last.datesAsWritten = only.asWritten;
      else pending = only;
      continue;
    }
    const found = findLineDate(line);
    const text = found ? found.rest : line;
    if (splitsCertificates && CERT_RE.test(text) && !DEGREE_RE.test(text)) {
      certifications.push(text);
      continue;
    }
    const degree = readDegree(text);
    if (!degree.title) continue;
    education.push({
      title: degree.title,
      institution: degree.institution,
      datesAsWritten: found?.range.asWritten ?? pending?.asWritten ?? null,
    });
    pending = null;
  }
  return { education, certifications };
}
