/**
 * Cutting a CV into sections. Headings come in capitals, sentence case, "--- Profil ---",
 * between "═" rules, as markdown, or inline ("Langues : anglais (B2)"); in French and English.
 */
import { foldText, isBullet, isMostlyUppercase } from './text-lines';

/** What a CV section holds. */
export type CvSectionKind =
  | 'summary'
  | 'experience'
  | 'education'
  | 'certifications'
  | 'skills'
  | 'softSkills'
  | 'languages'
  | 'other'
  | 'contact'
  | 'unknown';

/** A section: its kind, its heading as folded text, its lines (heading excluded). */
export interface CvSection {
  kind: CvSectionKind;
  heading: string;
  lines: string[];
}

const HEADINGS: Record<Exclude<CvSectionKind, 'unknown'>, string[]> = {
  summary: [
    'profil',
    'profile',
    'summary',
    'professional summary',
    'career summary',
    'a propos',
    'a propos de moi',
    'about',
    'about me',
    'resume',
    'objectif',
    'objective',
    'presentation',
    'profil professionnel',
    'personal statement',
  ],
  experience: [
    'experience',
    'experiences',
    'experience professionnelle',
    'experiences professionnelles',
    'parcours professionnel',
    'parcours',
    'employment history',
    'employment',
    'work experience',
    'professional experience',
    'career history',
    'work history',
    'emplois',
    'postes occupes',
  ],
  education: [
    'formation',
    'formations',
    'education',
    'etudes',
    'diplomes',
    'formation et diplomes',
    'diplomes et formations',
    'academic background',
    'education and qualifications',
    'education and training',
    'qualifications',
    'cursus',
  ],
  certifications: [
    'certifications',
    'certification',
    'certificats',
    'habilitations',
    'certificates',
    'licenses and certifications',
    'licences and certifications',
    'certifications et habilitations',
  ],
  skills: [
    'competences',
    'competence',
    'skills',
    'competences techniques',
    'technical skills',
    'hard skills',
    'savoir-faire',
    'key skills',
    'core competencies',
    'competences cles',
    'informatique',
    'logiciels',
    'outils',
    'tools',
    'technologies',
  ],
  softSkills: ['savoir-etre', 'soft skills', 'qualites', 'qualites personnelles', 'personal qualities'],
  languages: [
    'langues',
    'languages',
    'languages spoken',
    'langues parlees',
    'langues etrangeres',
    'language',
  ],
  other: [
    'projets',
    'projects',
    'projets personnels',
    'personal projects',
    'engagement',
    'engagements',
    'benevolat',
    'volunteering',
    'volunteer',
    'volunteer experience',
    "centres d'interet",
    "centre d'interet",
    'interets',
    'interests',
    'hobbies',
    'loisirs',
    'activites',
    'formations courtes',
    'publications',
    'awards',
    'distinctions',
    'prix',
    'references',
    'vie associative',
    'associatif',
  ],
  contact: ['contact', 'coordonnees', 'contact details', 'informations personnelles', 'personal details'],
};

const KIND_BY_HEADING = new Map<string, CvSectionKind>();
for (const [kind, names] of Object.entries(HEADINGS)) {
  for (const name of names) KIND_BY_HEADING.set(name, kind as CvSectionKind);
}

/** Fold a candidate heading: drop decorations (---, ═, #, **), a trailing colon, accents, case. */
function foldHeading(line: string): string {
  return foldText(line.replace(/^[\s\-=═─_#*]+|[\s\-=═─_#*:]+$/g, ''));
}

/** True for a rule line made only of ═, -, =, _ … */
export function isRule(line: string): boolean {
  return /^\s*[-=═─_*~]{3,}\s*$/.test(line);
}

/** The section kind a heading line names, or null when the line is not a heading. */
export function classifyHeading(line: string, allowUnknown: boolean): CvSectionKind | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 60 || isBullet(trimmed) || isRule(trimmed)) return null;
  const kind = KIND_BY_HEADING.get(foldHeading(trimmed));
  if (kind) return kind;
  if (/^-{2,}\s*\S.*\s-{2,}$/.test(trimmed) || /^#{1,4}\s/.test(trimmed)) return 'unknown';
  if (
    allowUnknown &&
    isMostlyUppercase(trimmed) &&
    !/[\d@|·,]/.test(trimmed) &&
    trimmed.split(/\s+/).length <= 5
  ) {
    return 'unknown';
  }
  return null;
}

/** "Langues : anglais (B2)" → the kind and the content after the label, if the label is a heading. */
export function classifyInlineHeading(line: string): { kind: CvSectionKind; content: string } | null {
  const m = /^\s*([\p{L}' -]{3,40}?)\s*:\s+(\S.*)$/u.exec(line);
  if (!m?.[1] || !m[2] || isBullet(line)) return null;
  const kind = KIND_BY_HEADING.get(foldText(m[1]));
  return kind ? { kind, content: m[2] } : null;
}

/** Header lines (before the first heading) and the sections, in order. */
export function splitCvSections(lines: string[]): { header: string[]; sections: CvSection[] } {
  const header: string[] = [];
  const sections: CvSection[] = [];
  let current: CvSection | null = null;
  for (const line of lines) {
    const kind = classifyHeading(line, current !== null);
    if (kind) {
      current = { kind, heading: foldHeading(line), lines: [] };
      sections.push(current);
      continue;
    }
    if (isRule(line)) continue;
    const inline = classifyInlineHeading(line);
    if (inline && current && inline.kind !== current.kind && isInlineSectionStart(inline, current)) {
      current = { kind: inline.kind, heading: foldText(line.split(':')[0] ?? ''), lines: [inline.content] };
      sections.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else header.push(line);
  }
  return { header, sections };
}

const NATURAL_LANGUAGES =
  /\b(anglais|fran[cç]ais|espagnol|allemand|italien|portugais|arabe|chinois|mandarin|japonais|russe|wolof|breton|basque|catalan|corse|occitan|vietnamien|n[ée]erlandais|polonais|turc|roumain|grec|hindi|english|french|spanish|german|italian|portuguese|arabic|chinese|japanese|russian|swedish|dutch|polish|turkish|welsh|irish|gaelic|hebrew|korean|norwegian|danish|finnish|romanian|greek|urdu|bengali|tamil|swahili|lsf|bsl)\b/iu;

/** True when the text names a spoken language ("anglais", "Spanish"). */
export function mentionsNaturalLanguage(text: string): boolean {
  return NATURAL_LANGUAGES.test(text);
}

/** True when the text starts with a spoken language name. */
export function startsWithNaturalLanguage(text: string): boolean {
  const m = NATURAL_LANGUAGES.exec(text);
  return m !== null && m.index === 0;
}

// "Languages: C++, Python" inside Skills is a skill group, not the spoken-languages section;
// "Tools: Git" inside Skills stays in Skills.
function isInlineSectionStart(inline: { kind: CvSectionKind; content: string }, current: CvSection): boolean {
  if (inline.kind === 'languages') return mentionsNaturalLanguage(inline.content);
  if (current.kind === 'skills' || current.kind === 'experience') return false;
  return inline.kind === 'skills' || inline.kind === 'certifications';
}
