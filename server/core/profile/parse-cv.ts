/**
 * CV text → structured profile. Deterministic, rule-based, no I/O: headings cut the text into
 * sections, each section has its own reader, and the lines above the first heading give the
 * name, headline and contact details. Never throws: unreadable input gives an empty profile.
 */
import {
  cityOfAddress,
  findBirthDate,
  findEmail,
  findLinkedin,
  findPhone,
  findUrls,
  hasContactToken,
  looksLikeAddress,
  splitContactSegments,
  stripContactLabel,
} from './contact';
import { readEducation, readExperiences } from './cv-entries';
import {
  type CvSection,
  mentionsNaturalLanguage,
  splitCvSections,
  startsWithNaturalLanguage,
} from './cv-sections';
import { findLineDate, stripTrailingDate } from './dates';
import { detectLanguage } from './detect-language';
import type { CvProfile } from './schemas';
import {
  cleanText,
  isBullet,
  isMostlyUppercase,
  splitLines,
  splitTopLevel,
  stripBullet,
  toNameCase,
  trimItem,
} from './text-lines';

/** A profile with nothing in it: what unreadable input gives. */
export function createEmptyCvProfile(language: CvProfile['language'] = 'fr'): CvProfile {
  return {
    language,
    name: null,
    headline: null,
    contact: { email: null, phone: null, address: null, location: null, linkedin: null, urls: [] },
    birthDateAsWritten: null,
    summary: null,
    experiences: [],
    education: [],
    certifications: [],
    skills: [],
    softSkills: [],
    languages: [],
    otherFacts: [],
  };
}

/** Read a CV's text into a structured profile; never throws. */
export function parseCv(text: string): CvProfile {
  try {
    return readCv(cleanText(text));
  } catch {
    // A reader bug must not take the upload down: the user can still fill the profile by hand.
    return createEmptyCvProfile();
  }
}

function readCv(text: string): CvProfile {
  const profile = createEmptyCvProfile(detectLanguage(text));
  if (!text.trim()) return profile;
  const { header, sections } = splitCvSections(splitLines(text));
  const contactLines = [...header, ...sections.filter((s) => s.kind === 'contact').flatMap((s) => s.lines)];
  readHeader(header, profile);
  readContact(contactLines, text, profile);

  for (const section of sections) readSection(section, profile);
  if (profile.languages.length === 0) {
    // A very short CV may list "anglais courant" among its skills and have no languages section.
    profile.languages = profile.skills.filter((s) => startsWithNaturalLanguage(s));
  }
  profile.skills = dedupe(profile.skills);
  profile.certifications = dedupe(profile.certifications);
  return profile;
}

function readSection(section: CvSection, profile: CvProfile): void {
  switch (section.kind) {
    case 'summary': {
      const body = section.lines
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
      if (body) profile.summary = profile.summary ? `${profile.summary}\n${body}` : body;
      return;
    }
    case 'experience':
      profile.experiences.push(...readExperiences(section.lines));
      return;
    case 'education': {
      const { education, certifications } = readEducation(section.lines, section.heading);
      profile.education.push(...education);
      profile.certifications.push(...certifications.map(cleanCertification).filter(Boolean));
      return;
    }
    case 'certifications':
      profile.certifications.push(...readCertifications(section.lines));
      return;
    case 'skills':
      profile.skills.push(...readSkills(section.lines));
      return;
    case 'softSkills':
      profile.softSkills = [...(profile.softSkills ?? []), ...readSkills(section.lines)];
      return;
    case 'languages':
      profile.languages.push(...readLanguages(section.lines));
      return;
    case 'other':
    case 'unknown':
      profile.otherFacts.push(
        ...section.lines.map((l) => (isBullet(l) ? stripBullet(l) : l.trim())).filter((l) => l.length > 0),
      );
      return;
    default:
      return;
  }
}

const NOT_A_NAME_RE = /^(cv|c\.v\.|curriculum vitae|r[ée]sum[ée]|resume)$/iu;

function looksLikeName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 5 &&
    line.length <= 60 &&
    /^[\p{L}][\p{L}'’.\s-]+$/u.test(line.trim()) &&
    !NOT_A_NAME_RE.test(line.trim())
  );
}

function isContactLine(line: string): boolean {
  const segs = splitContactSegments(line);
  return (
    hasContactToken(line) ||
    looksLikeAddress(line) ||
    segs.some((s) => looksLikeAddress(s)) ||
    /^\s*(adresse|address|t[ée]l|phone|mobile|e-?mail|n[ée]e? le|date (de naissance|of birth))/iu.test(
      line,
    ) ||
    findBirthDate(line) !== null
  );
}

function readHeader(header: string[], profile: CvProfile): void {
  const lines = header.map((l) => l.trim()).filter(Boolean);
  const nameIndex = lines.findIndex((l) => !NOT_A_NAME_RE.test(l));
  const nameLine = lines[nameIndex];
  if (nameLine === undefined || !looksLikeName(nameLine) || isContactLine(nameLine)) return;
  profile.name = isMostlyUppercase(nameLine) ? toNameCase(nameLine) : nameLine;
  const next = lines[nameIndex + 1];
  if (next && !isContactLine(next) && next.length <= 200 && !findLineDate(next)) profile.headline = next;
}

const LOCATION_RE =
  /^\p{Lu}[\p{L}'’. -]*(?:\s\d{1,2}(?:e|er|th)?|\s[A-Z]{1,2}\d{1,2}[A-Z]?|\s\(\d{2,3}\))?(?:,\s*\p{Lu}[\p{L}'’. -]*)?$/u;
const NOT_LOCATION_RE =
  /^(permis|driving|licen[cs]e|n[ée]e?\b|date|portfolio|github|linkedin|site|web|disponible|available|v[ée]hicul)/iu;

function readContact(lines: string[], fullText: string, profile: CvProfile): void {
  const zone = lines.join('\n');
  const contact = profile.contact;
  contact.email = findEmail(zone) ?? findEmail(fullText);
  contact.phone = findPhone(zone) ?? findPhone(fullText.slice(0, 3000));
  contact.linkedin = findLinkedin(zone) ?? findLinkedin(fullText);
  contact.urls = findUrls(zone).filter((u) => !contact.email?.endsWith(u));
  profile.birthDateAsWritten = findBirthDate(zone);
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    const segments = splitContactSegments(line);
    for (const segment of segments) {
      const value = stripContactLabel(segment);
      if (!contact.address && looksLikeAddress(value)) {
        contact.address = value.split(/\s+[—–]\s+/)[0]?.trim() ?? value;
        continue;
      }
      // A place written next to an e-mail or phone is the candidate's location.
      if (
        !contact.location &&
        segments.length > 1 &&
        segments.some((s) => hasContactToken(s)) &&
        !hasContactToken(value) &&
        LOCATION_RE.test(value) &&
        !NOT_LOCATION_RE.test(value) &&
        value.split(/\s+/).length <= 5
      ) {
        contact.location = value;
      }
    }
  }
  if (!contact.location && contact.address) contact.location = cityOfAddress(contact.address);
}

/** "AFGSU niveau 2 (attestation de formation …), 2023" → "AFGSU niveau 2". */
function cleanCertification(line: string): string {
  let text = stripTrailingDate(stripBullet(line).trim());
  text = text.replace(/,\s*(online certificate|online course|certificat en ligne|en ligne|online)\s*$/iu, '');
  // A trailing explanation in lowercase words is a gloss; an acronym in parentheses is kept.
  text = text.replace(/\s*\((?:\p{Ll}[^()]*\s[^()]*\s[^()]*)\)\s*$/u, '');
  text = stripTrailingDate(text);
  return trimItem(text);
}

function readCertifications(lines: string[]): string[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map(cleanCertification)
    .filter((c) => c.length > 1);
}

/** A single capitalised word followed by a colon labels a skill group ("Mécanique : a, b"). */
const GROUP_LABEL_RE = /^\s*(\p{L}[\p{L}/&-]*)\s*:\s+(\S.*)$/u;

function readSkills(lines: string[]): string[] {
  const skills: string[] = [];
  let tableHeaderSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    // "References available on request." closes a CV; it is not a skill.
    if (!line || /\b(available on request|sur demande)\b/iu.test(line)) continue;
    const bullet = isBullet(raw);
    let body = bullet ? stripBullet(raw) : line;
    if (body.includes('\t')) {
      // Table row "Domaine<TAB>Compétences": the first row is the table's header.
      const cells = body.split(/\t+/).map((c) => c.trim());
      if (!tableHeaderSeen && cells.every((c) => c.split(/\s+/).length <= 2) && !/,/.test(body)) {
        tableHeaderSeen = true;
        continue;
      }
      tableHeaderSeen = true;
      skills.push(...splitSkillList(cells.slice(1).join(', '), false));
      continue;
    }
    const group = GROUP_LABEL_RE.exec(body);
    if (group?.[2]) {
      skills.push(...splitSkillList(group[2], false));
      continue;
    }
    const nextRaw = lines.slice(i + 1).find((l) => l.trim().length > 0) ?? '';
    if (!bullet && isBullet(nextRaw) && body.split(/\s+/).length <= 3 && !/[,·•|;]/.test(body)) continue;
    if (/:/.test(body)) {
      skills.push(trimItem(body));
      continue;
    }
    body = body.replace(/\.$/, '');
    skills.push(...splitSkillList(body, bullet));
  }
  return skills.filter((s) => s.length > 0 && s.length <= 120);
}

/** Split a skill line: separators always, commas for plain lists or bullets with 3+ items. */
function splitSkillList(text: string, fromBullet: boolean): string[] {
  const out: string[] = [];
  for (const chunk of splitTopLevel(text, /\s*[·•|;]\s*/)) {
    const commaParts = splitTopLevel(chunk, /,\s*/);
    if (!fromBullet || commaParts.length >= 3) out.push(...commaParts);
    else out.push(chunk);
  }
  return out.map(trimItem).filter(Boolean);
}

function readLanguages(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = stripBullet(raw).replace(/^(langues|languages)\s*:\s*/iu, '');
    if (!line) continue;
    const parts = splitTopLevel(line, /\s*[·•|;,]\s*/)
      .map(trimItem)
      .filter(Boolean);
    const named = parts.filter((p) => startsWithNaturalLanguage(p));
    out.push(...(named.length > 0 ? named : parts.filter((p) => mentionsNaturalLanguage(p))));
  }
  return out;
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
