/**
 * Job offer text → structured offer: title without gender marker, company, location, contract,
 * must-have and nice-to-have requirements as listed, missions, values, recruiter, addressee.
 * Plain text, markdown and labelled forms ("Company:", "Lieu :"), French and English.
 * Never throws: unreadable input gives an empty offer.
 */
import { findEmail, findPhone } from './contact';
import { detectLanguage } from './detect-language';
import {
  classifyInlineOfferHeading,
  classifyOfferHeading,
  type OfferSection,
  splitOfferSections,
} from './offer-sections';
import type { OfferProfile } from './schemas';
import {
  cleanText,
  isBullet,
  isMostlyUppercase,
  splitLines,
  splitTopLevel,
  stripBullet,
  stripParentheses,
  toNameCase,
  toSentenceCase,
  trimItem,
} from './text-lines';

/** An offer with nothing in it: what unreadable input gives. */
export function createEmptyOfferProfile(language: OfferProfile['language'] = 'fr'): OfferProfile {
  return {
    language,
    title: null,
    titleAsWritten: null,
    genderMarker: null,
    company: null,
    location: null,
    contractType: null,
    mustHave: [],
    niceToHave: [],
    skills: [],
    values: [],
    missions: [],
    recruiter: null,
    addressee: null,
  };
}

/** Read a job offer's text into a structured offer; never throws. */
export function parseOffer(text: string): OfferProfile {
  try {
    return readOffer(cleanText(text));
  } catch {
    // A reader bug must not block the user: they can still correct the offer by hand.
    return createEmptyOfferProfile();
  }
}

interface Markdown {
  frontTitle: string | null;
  body: string;
}

/** Drop front matter and inline markdown (bold, links), keep "## headings" recognisable. */
function readMarkdown(text: string): Markdown {
  let body = text;
  let frontTitle: string | null = null;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front?.[1]) {
    frontTitle = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1])?.[1] ?? null;
    body = body.slice(front[0].length);
  }
  body = body
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1');
  return { frontTitle, body };
}

function readOffer(raw: string): OfferProfile {
  const offer = createEmptyOfferProfile(detectLanguage(raw));
  if (!raw.trim()) return offer;
  const { frontTitle, body } = readMarkdown(raw);
  const lines = splitLines(body);
  const { header, sections } = splitOfferSections(lines);

  const labelledTitle = readTitleAndCompany(header, lines, frontTitle, offer);
  readLabelled(lines, offer);
  if (!labelledTitle) readMetaLines(header, offer);
  if (!offer.company) offer.company = findCompanyInProse(body);
  if (!offer.location) offer.location = findLocationInProse(body);
  if (!offer.contractType) offer.contractType = findContract(body, true);

  readRequirements(sections, lines, offer);
  offer.missions = readMissions(sections);
  offer.values = readValues(lines);
  offer.recruiter = readRecruiter(lines);
  offer.addressee = readAddressee(lines);
  offer.skills = extractSkills([...offer.mustHave, ...offer.niceToHave], offer.missions);
  return offer;
}

// ---------- title, company, location, contract ----------

const GENDER_RE = /\s*\(?\s*\b([HFMWXD])\s*\/\s*([HFMWXD])(?:\s*\/\s*([HFMWXD]))?\b\s*\)?/u;
const ARTICLE_RE = /^(?:un·e|un\.e|un\(e\)|une|un|a|an)\s+/iu;
const TITLE_LABEL_RE =
  /^\s*(?:job title|intitul[ée] du poste|intitul[ée]|titre du poste|poste|position|role)\s*:\s*(.+)$/iu;
const COMPANY_LABEL_RE =
  /^\s*(?:entreprise|company|employer|employeur|soci[ée]t[ée]|organisation|organization|structure|administration|organisme)\s*:\s*(.+)$/iu;
const LOCATION_LABEL_RE =
  /^\s*(?:lieu(?: de travail)?|location|localisation|ville|based in|poste bas[ée] [àa]|bas[ée] [àa])\s*:?\s+(.+)$/iu;
const CONTRACT_LABEL_RE =
  /^\s*(?:type de contrat|contrat|contract(?: type)?|employment type|job type|type d'emploi|statut)\s*:\s*(.+)$/iu;
const NOT_COMPANY_RE =
  /^(nos|notre|nous|vous|votre|our|we|you|your|the|le|la|les|l'|un|une|des|ce|cette|this|clients?|hello|hey|bonjour)\b/iu;

/** Title without gender marker and leading article; capitals brought to sentence case. */
function cleanTitle(asWritten: string): { title: string; marker: string | null } {
  const m = GENDER_RE.exec(asWritten);
  const marker = m ? [m[1], m[2], m[3]].filter(Boolean).join('/') : null;
  let title = (m ? asWritten.replace(m[0], ' ') : asWritten).replace(/\s+/g, ' ').trim();
  if (isMostlyUppercase(title)) title = toSentenceCase(title);
  title = title.replace(ARTICLE_RE, '').replace(/^[\s:–—-]+|[\s:–—-]+$/g, '');
  title = title.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return { title, marker };
}

function setTitle(offer: OfferProfile, asWritten: string, titleSource?: string): void {
  const { title, marker } = cleanTitle(titleSource ?? asWritten);
  if (!title) return;
  offer.titleAsWritten = asWritten.trim();
  offer.title = title;
  offer.genderMarker = marker;
}

function cleanCompany(text: string): string | null {
  let company = text
    .replace(/^(?:(?:la|le|les)\s+|l')/iu, '')
    .replace(/[\s,.:;–—-]+$/, '')
    .trim();
  if (isMostlyUppercase(company)) company = toNameCase(company);
  if (!company || company.length > 80 || NOT_COMPANY_RE.test(company) || !/^[\p{Lu}\d]/u.test(company))
    return null;
  return company;
}

function readTitleAndCompany(
  header: string[],
  allLines: string[],
  frontTitle: string | null,
  offer: OfferProfile,
): boolean {
  const lines = header.map((l) => l.trim()).filter(Boolean);
  // 1. A labelled title ("Job title: HR Advisor"); a capitalised first line above it is the employer.
  for (const line of allLines.slice(0, 30)) {
    const m = TITLE_LABEL_RE.exec(line);
    if (m?.[1]) {
      setTitle(offer, m[1]);
      const first = lines[0];
      if (first && first !== line.trim() && !TITLE_LABEL_RE.test(first) && first.split(/\s+/).length <= 6) {
        offer.company = cleanCompany(first);
      }
      return true;
    }
  }
  // 2. "X recrute un·e Y" on one line, or "X / recrute / Y" on three.
  for (let i = 0; i < lines.length && i < 12; i++) {
    const line = lines[i] ?? '';
    const inline = /^(.{2,80}?)\s+recrute\s*:?\s+(.+)$/iu.exec(line);
    if (inline?.[1] && inline[2]) {
      offer.company = cleanCompany(inline[1]);
      setTitle(offer, line, inline[2]);
      return false;
    }
    if (/^recrute\s*:?$/iu.test(line)) {
      const next = lines[i + 1];
      if (next) setTitle(offer, next);
      const before = lines.slice(0, i).find((l) => !/^\(/.test(l));
      if (before) offer.company = cleanCompany(before);
      return false;
    }
  }
  // 3. The line carrying a gender marker, else the markdown title, else the first line.
  const marked = lines.slice(0, 8).find((l) => GENDER_RE.test(l) && l.length <= 140);
  const heading = allLines.find((l) => /^#\s/.test(l));
  const first = lines.find((l) => !COMPANY_LABEL_RE.test(l) && !classifyOfferHeading(l));
  if (marked) setTitle(offer, marked);
  else if (frontTitle) setTitle(offer, frontTitle);
  else if (heading) setTitle(offer, heading.replace(/^#\s+/, ''));
  else if (first && first.length <= 90 && !/[.!?]$/.test(first) && !NOT_COMPANY_RE.test(first)) {
    setTitle(offer, first);
  } else {
    // Prose opening: "We are looking for a Senior Backend Engineer to join…".
    const prose =
      /\b(?:looking for|hiring|recherchons|recrutons|recherche)\s+(?:an?|une?|un·e)\s+((?:\p{Lu}[\p{L}+#/.-]*\s*){1,6})/u.exec(
        allLines.slice(0, 10).join(' '),
      );
    if (prose?.[1]) setTitle(offer, prose[1].trim());
  }
  return false;
}

const CONTRACT_WORD_RE =
  /\b(CDI|CDD|int[ée]rim|alternance|apprentissage|stage|freelance|permanent|fixed[- ]term|temporary|internship|apprenticeship|contract|statutaire|titulaire|contractuel(?:le)?|vacation)\b/iu;
const SALARY_RE = /[€£$]|\bk€|\b\d+\s?k\b|salaire|salary|brut|gross|\bequity\b/iu;
const HOURS_RE =
  /\b\d+\s*(h|heures|hours)\b|temps (plein|partiel|complet)|full[- ]time|part[- ]time|\bréf(?:[ée]rence)?\b|\bref\b/iu;
const REMOTE_RE = /\b(remote|hybrid|hybride|t[ée]l[ée]travail|full remote|distanciel|on-site|office)\b/iu;
const PLACE_RE =
  /\(\d{2,5}\)|\b\d{1,2}e\b|\b(paris|lyon|marseille|toulouse|nantes|bordeaux|lille|rennes|strasbourg|montpellier|nice|grenoble|brest|london|manchester|bristol|leeds|birmingham|edinburgh|dublin|berlin|amsterdam|remote)\b/iu;

/** "Paris (75013), télétravail partiel" → "Paris (75013)"; remote notes and asides about them go. */
function cleanLocation(text: string): string | null {
  const parts = splitTopLevel(text, /\s*,\s*|\s+[–—]\s+/);
  const kept: string[] = [];
  for (const part of parts) {
    if (kept.length > 0 && REMOTE_RE.test(part) && !/^\p{Lu}/u.test(part.replace(REMOTE_RE, '').trim()))
      break;
    kept.push(part);
  }
  const location = kept
    .join(', ')
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (REMOTE_RE.test(inner) ? '' : whole))
    .trim();
  return location && location.length <= 80 ? location : null;
}

/** The short lines right under the title: "Médiane Santé · Toulouse (31) · CDI · Temps plein". */
function readMetaLines(header: string[], offer: OfferProfile): void {
  const lines = header.map((l) => l.trim()).filter(Boolean);
  const titleIndex = offer.titleAsWritten ? lines.indexOf(offer.titleAsWritten) : -1;
  const start = titleIndex >= 0 ? titleIndex + 1 : 0;
  for (const line of lines.slice(start, start + 4)) {
    if (line.length > 160 || /[.!?]$/.test(line) || TITLE_LABEL_RE.test(line)) break;
    if (/^[\p{L}' ]{2,30}:\s/u.test(line)) continue;
    const segments = line.split(/\s+[·|•–—-]\s+/).map((s) => s.trim());
    const candidates: string[] = [];
    for (const seg of segments) {
      if (CONTRACT_WORD_RE.test(seg) && seg.split(/\s+/).length <= 8) {
        offer.contractType ??= normaliseContract(seg);
      } else if (SALARY_RE.test(seg) || HOURS_RE.test(seg)) {
        // Salary, hours and references are not part of the profile.
      } else if (seg) candidates.push(seg);
    }
    for (const seg of candidates) {
      const placeLike = PLACE_RE.test(seg) || REMOTE_RE.test(seg);
      if (!offer.company && !placeLike && seg.split(/\s+/).length <= 6 && !/^\(/.test(seg)) {
        offer.company = cleanCompany(seg);
      } else if (
        !offer.location &&
        (placeLike || (offer.company && /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}$/u.test(seg)))
      ) {
        offer.location = cleanLocation(seg);
      }
    }
  }
}

/** "Entreprise : X", "Lieu : Y", "Type de contrat : CDI", "Poste basé à Z" anywhere in the offer. */
function readLabelled(lines: string[], offer: OfferProfile): void {
  for (const line of lines.slice(0, 60)) {
    const company = COMPANY_LABEL_RE.exec(line)?.[1];
    if (company) offer.company = cleanCompany(company) ?? offer.company;
    const location = LOCATION_LABEL_RE.exec(line)?.[1];
    if (location && !offer.location) offer.location = cleanLocation(location);
    const contract = CONTRACT_LABEL_RE.exec(line)?.[1];
    if (contract) offer.contractType = normaliseContract(contract) ?? offer.contractType;
  }
}

const PROPER_NOUN =
  "\\p{Lu}[\\p{L}'&.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'&.-]*|de|des|du|d'\\p{L}+|la|le|et|&)){0,5}";
const COMPANY_PROSE_RES = [
  new RegExp(`\\b(?:chez|rejoindre|rejoignez|rejoins|join)\\s+(${PROPER_NOUN})`, 'u'),
  new RegExp(
    `(?:^|\\.\\s+)(${PROPER_NOUN})\\s+(?:est|is)\\s+(?:une?|an?|the)\\s+(?:entreprise|association|soci[ée]t[ée]|start-?up|PME|ETI|groupe|agence|cabinet|[ée]diteur|company|firm|scale-up)`,
    'mu',
  ),
  new RegExp(`\\bWe(?:'re| are)\\s+(${PROPER_NOUN})`, 'u'),
  /\b(?:la|le|l')\s*((?:Haute |Grande )?(?:Autorit[ée]|Agence|Direction|Institut|Minist[èe]re|Centre|Brigade|Cour|Conseil|Communaut[ée]|Mairie|R[ée]gion|Office|Caisse|Pr[ée]fecture|Commission)(?:\s+(?:\p{Lu}[\p{L}'-]*|de|des|du|d'\p{L}+|la|l'\p{L}+|et|nationale?|g[ée]n[ée]rale?|r[ée]gionale?|sup[ée]rieure?)){1,8})/u,
];

/** The employer named in prose ("Chez Ardoise, …", "X est une entreprise…"); never "nos clients". */
function findCompanyInProse(body: string): string | null {
  for (const re of COMPANY_PROSE_RES) {
    const m = re.exec(body);
    const name = m?.[1]?.replace(/\s+(?:de|des|du|la|le|et|&)$/u, '');
    const company = name ? cleanCompany(name) : null;
    if (company) return company;
  }
  return null;
}

function findLocationInProse(body: string): string | null {
  const m = /\b(?:bas[ée]e? [àa]|situ[ée]e? [àa]|based in)\s+(\p{Lu}[\p{L}' -]+(?:\s\(\d{2,5}\))?)/u.exec(
    body,
  );
  return m?.[1] ? cleanLocation(m[1]) : null;
}

/** Normalise a contract mention: CDI, CDD, stage, alternance, freelance, fonction publique, permanent… */
export function normaliseContract(text: string): string | null {
  if (/\b(statutaire|fonctionnaire|cadre d'emplois|titulaire de la fonction publique)\b/iu.test(text)) {
    return /contractuel/iu.test(text) ? 'fonction publique (titulaire ou contractuel)' : 'fonction publique';
  }
  const rules: [RegExp, string][] = [
    [/\bCDI\b/u, 'CDI'],
    [/\bCDD\b/u, 'CDD'],
    [/\bint[ée]rim\b/iu, 'intérim'],
    [/\b(alternance|apprentissage|contrat de professionnalisation)\b/iu, 'alternance'],
    [/\bstage\b/iu, 'stage'],
    [/\bpermanent\b/iu, 'permanent'],
    [/\b(fixed[- ]term|temporary)\b/iu, 'fixed-term'],
    [/\binternship\b/iu, 'internship'],
    [/\bapprenticeship\b/iu, 'apprenticeship'],
    [/\b(freelance|ind[ée]pendant|contractor)\b/iu, 'freelance'],
    [/\bcontract\b/iu, 'contract'],
  ];
  let best: { index: number; value: string } | null = null;
  for (const [re, value] of rules) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, value };
  }
  return best?.value ?? null;
}

/** Contract found anywhere in the text; English "contract" alone is too common in prose to count. */
function findContract(body: string, wholeText: boolean): string | null {
  const found = normaliseContract(body);
  if (wholeText && found === 'contract') return null;
  return found;
}

// ---------- requirements, missions ----------

const NICE_MARKER_RE =
  /appr[ée]ci[ée]e?s?|un plus|un atout|id[ée]alement|souhait[ée]e?s?|would be a plus|nice to have|desirable|ideally|bonus|is a plus/iu;
const MUST_MARKER_RE =
  /de formation|titulaire|vous savez|vous avez (?:des|une?|le|la|les|d')|vous ma[îi]trisez|vous justifiez|vous disposez|vous connaissez|ma[îi]trise (?:de|du|des)|connaissances? (?:en|de|du|des)|dipl[ôo]m[ée]|exp[ée]rience (?:de|en|dans|d'au moins|significative)|you have|you know|experience (?:of|in|with)|degree in|knowledge of|proficien/iu;
const LEAD_IN_RE =
  /^(?:de formation|vous [êe]tes titulaire d'une?|vous [êe]tes titulaire de|vous savez|vous avez|vous ma[îi]trisez|vous disposez d'une?|vous disposez de|vous connaissez|vous justifiez d'une?|vous justifiez de|you have|you know)\s+/iu;

/** Requirement phrases from prose ("vous savez lire un schéma électrique et vous avez …"). */
function readProseRequirements(sentence: string): string[] {
  const text = sentence
    .trim()
    .replace(/[.!;]+$/, '')
    .replace(/,?\s*seraient?\s+appr[ée]ci[ée]e?s?\s*,?\s*(?:tout comme\s+)?/giu, '|')
    .replace(/\s*(?:serait|seraient|sera|is|would be)\s+(?:un plus|un atout|des atouts|a plus)\s*/giu, '|')
    .replace(/^\s*(?:seraient?\s+appr[ée]ci[ée]e?s?|un plus)\s*:\s*/iu, '');
  const phrases: string[] = [];
  for (const chunk of text.split('|')) {
    const parts = splitTopLevel(chunk, /,\s+/);
    const merged: string[] = [];
    for (const part of parts) {
      if (
        merged.length > 0 &&
        /^(id[ée]alement|notamment|de pr[ée]f[ée]rence|si possible|ideally|especially|preferably)\b/iu.test(
          part,
        )
      ) {
        merged[merged.length - 1] += `, ${part}`;
      } else merged.push(part);
    }
    for (const part of merged) {
      for (const piece of part.split(/\s+(?:et|and)\s+(?=(?:une?|la|le|les|des|du|l'|vous|a|an)\b)/iu)) {
        const phrase = piece.replace(LEAD_IN_RE, '').trim();
        if (phrase.split(/\s+/).length >= 1 && phrase.length > 2) phrases.push(phrase);
      }
    }
  }
  return phrases;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function readRequirements(sections: OfferSection[], allLines: string[], offer: OfferProfile): void {
  for (const section of sections) {
    if (section.kind !== 'must' && section.kind !== 'nice') continue;
    const target = section.kind === 'must' ? offer.mustHave : offer.niceToHave;
    for (const line of section.lines) if (isBullet(line)) target.push(stripBullet(line));
  }
  // Inline requirement statements: "Seraient appréciées : une expérience … et des connaissances …".
  for (let i = 0; i < allLines.length; i++) {
    const inline = classifyInlineOfferHeading(allLines[i] ?? '');
    if (!inline) continue;
    // A wrapped paragraph continues on the following non-blank lines.
    let content = inline.content;
    for (
      let j = i + 1;
      j < allLines.length && (allLines[j] ?? '').trim() && !isBullet(allLines[j] ?? '');
      j++
    ) {
      content += ` ${(allLines[j] ?? '').trim()}`;
    }
    const items = content.includes(';')
      ? content
          .split(/\s*;\s*/)
          .map((c) => trimItem(c.split(/(?<=\.)\s+(?=\p{Lu})/u)[0] ?? c))
          .filter(Boolean)
      : /,|\s(?:et|and)\s/.test(content)
        ? readProseRequirements(content)
        : [trimItem(content)];
    (inline.kind === 'must' ? offer.mustHave : offer.niceToHave).push(...items);
  }
  if (offer.mustHave.length > 0 || offer.niceToHave.length > 0) return;
  // No list anywhere: the offer is prose; take the requirement sentences.
  const paragraphs = allLines.filter((l) => !isBullet(l) && l.trim().length > 40);
  for (const sentence of paragraphs.flatMap(sentencesOf)) {
    const nice = NICE_MARKER_RE.test(sentence);
    if (!nice && !MUST_MARKER_RE.test(sentence)) continue;
    (nice ? offer.niceToHave : offer.mustHave).push(...readProseRequirements(sentence));
  }
}

function readMissions(sections: OfferSection[]): string[] {
  const missions: string[] = [];
  for (const section of sections) {
    if (section.kind !== 'missions') continue;
    const bullets = section.lines.filter(isBullet).map(stripBullet);
    if (bullets.length > 0) missions.push(...bullets);
    else {
      const prose = section.lines.filter((l) => l.trim().length > 0).join(' ');
      missions.push(...sentencesOf(prose).slice(0, 10));
    }
  }
  return missions;
}

// ---------- values, recruiter, addressee, skills ----------

const VALUES_RE =
  /\b(?:valeurs?(?:\s+sont)?|values(?:\s+are)?|what we care about|ce qui nous anime)\s*(?::|are|sont)?\s*(.+)$/iu;

function readValues(lines: string[]): string[] {
  for (const line of lines) {
    if (isBullet(line)) continue;
    const m = VALUES_RE.exec(line);
    if (!m?.[1]) continue;
    let content = m[1];
    // "a, b, c. Chez nous, on se tutoie…": a comma list ends at its first full stop.
    if (/,/.test(content.split('.')[0] ?? '')) content = content.split('.')[0] ?? '';
    const items = content
      .split(/\s*[,.;]\s*|\s+(?:et|and)\s+/u)
      .map((v) => v.replace(/^(?:(?:la|le|les|the)\s+|l')/iu, '').trim())
      .filter((v) => v.length > 1 && v.split(/\s+/).length <= 8);
    if (items.length >= 2) return items;
  }
  return [];
}

const CIVILITY = '(Mme|Mlle|M\\.|Madame|Monsieur|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?)';
const PERSON = "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){1,2})";
const RECRUITER_RES: { re: RegExp; civ: number; name: number; role: number }[] = [
  {
    re: new RegExp(
      `(?:contact|interlocut(?:eur|rice)|recruteur|recruteuse|recruiter|hiring manager)\\s*:\\s*(?:${CIVILITY}\\s+)?${PERSON}(?:\\s*,\\s*([^,.\\n]{2,60}))?`,
      'iu',
    ),
    civ: 1,
    name: 2,
    role: 3,
  },
  {
    re: new RegExp(
      `(?:please contact|contactez|contacter|contact)\\s+(?:${CIVILITY}\\s+)?${PERSON}(?:\\s*,\\s*([^,.\\n]{2,60}))?`,
      'u',
    ),
    civ: 1,
    name: 2,
    role: 3,
  },
  {
    re: new RegExp(
      `à l'attention d[eu]\\s+(?:la |le |l')?([^,\\n]{2,40}),\\s*${CIVILITY}\\s+${PERSON}`,
      'iu',
    ),
    civ: 2,
    name: 3,
    role: 1,
  },
];

function readRecruiter(lines: string[]): OfferProfile['recruiter'] {
  const text = lines.join('\n');
  for (const { re, civ, name, role } of RECRUITER_RES) {
    const m = re.exec(text);
    const person = m?.[name];
    if (!m || !person || NOT_COMPANY_RE.test(person)) continue;
    const rawRole = m[role]?.split(/\s+(?:on|at|au|par|via|à|by)\s+/u)[0]?.trim() ?? null;
    return {
      name: person,
      role: rawRole && rawRole.length > 1 && !findEmail(rawRole) && !findPhone(rawRole) ? rawRole : null,
      civility: m[civ] ?? null,
    };
  }
  return null;
}

function readAddressee(lines: string[]): string | null {
  for (const line of lines) {
    const m =
      /(?:^|\bà l'attention d[eu]\s+|^à\s+)((?:Monsieur|Madame)\s+(?:le|la|l')\s*\p{L}[^,;\n]*)/iu.exec(
        line.trim(),
      );
    if (m?.[1]) return m[1].replace(/[\s.:;,]+$/, '').trim();
  }
  return null;
}

const SKILL_TOKEN_RE =
  /(?<![\p{L}\d])(?:C\+\+|C#|\.NET|[A-Za-z]+\.js|[A-Z][A-Za-z0-9]*[A-Z0-9+#][A-Za-z0-9+#/-]*|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)(?![\p{L}\d])/gu;
const CAPITALISED_RE = /(?<=\s)\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}+)?(?![\p{L}\d]|\.\p{L})/gu;
const SKILL_LEAD_RE =
  /^(?:(?:le|la|les|l'|un|une|des|du|de|the|a|an)\s+)?(?:(?:connaissances?|ma[îi]trise|notions?|exp[ée]rience|knowledge|experience|excellent|solid|basic|strong|good|bonne|solide|outstanding)\s+(?:(?:du|de la|des|de|d'|en|of|in|with)\s*)?)?/iu;
const SKILL_STOP =
  /^(?:H\/F|F\/H|CDI|CDD|Une?|Des|Les|Vous|Tu|Nous|Experience|Expérience|Knowledge|Connaissance|Maîtrise|Comfort|Familiarity|Fluency|Ability|Excellent|Outstanding|Solid|Basic|Two|Hands|Writing|Confident|Competent|Sound|English|French|German|Anglais|Français|Espagnol|Allemand|Permis|Level|Foundation|Le|La|Nos|Our|We|You|The|Titre)$/u;

/** Skill keywords of an offer: short requirement items, acronyms, product and tool names. */
function extractSkills(requirements: string[], missions: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string) => {
    const skill = trimItem(raw);
    const key = skill.toLowerCase();
    if (skill.length < 2 || seen.has(key) || SKILL_STOP.test(skill)) return;
    seen.add(key);
    out.push(skill);
  };
  for (const item of requirements) {
    const bare = trimItem(stripParentheses(item)).replace(SKILL_LEAD_RE, '');
    if (bare.split(/\s+/).length <= 3 && !/^(?:tu|vous|you|we)\b/iu.test(bare)) add(bare);
    for (const m of item.matchAll(SKILL_TOKEN_RE)) add(m[0]);
    // Capitalised words mid-sentence are tool names in requirements ("Vous maîtrisez Figma").
    for (const m of item.matchAll(CAPITALISED_RE)) add(m[0]);
  }
  for (const item of missions) for (const m of item.matchAll(SKILL_TOKEN_RE)) add(m[0]);
  return out.slice(0, 80);
}
