/**
 * Cutting a job offer into sections. Offer headings are free-form ("🎯 Ce qu'on attend de toi",
 * "What you'll need", "Essential", "## Le défi"), so they are recognised by their opening words.
 */
import { foldText, isBullet } from './text-lines';

/** What an offer section holds. */
export type OfferSectionKind =
  | 'missions'
  | 'must'
  | 'nice'
  | 'company'
  | 'values'
  | 'offer'
  | 'apply'
  | 'container'
  | 'other';

/** A section of an offer, with its heading as written. */
export interface OfferSection {
  kind: OfferSectionKind;
  heading: string;
  lines: string[];
}

// Order matters: "compétences appréciées" is nice before "compétences" is must.
const OPENINGS: [OfferSectionKind, RegExp][] = [
  [
    'nice',
    /^(un plus|les plus|plus|atouts? (supplementaires|apprecies)|ce serait top|ce serait un plus|competences appreciees|competences souhaitees|qualifications appreciees|nice to have|nice-to-have|desirable|bonus|preferred|seraient appreciee?s|serait un plus|would be a plus|it's a plus)/,
  ],
  ['container', /^(person specification|profil et competences)$/],
  [
    'must',
    /^(profil recherche|votre profil|ton profil|le profil|profil|competences requises|competences attendues|competences techniques|competences|ce qu'on attend de toi|ce que nous attendons|ce que l'on attend|what you'll need|what you will need|what we're looking for|what we are looking for|essential|requirements|required|you'll probably have|you will have|you have|qualifications|must have|must-have|prerequis|pre-requis|who you are|about you|your profile|skills|savoir-faire|requis)/,
  ],
  [
    'missions',
    /^(vos missions|votre mission|ta mission|tes missions|missions|mission|le poste|description du poste|descriptif du poste|vos responsabilites|responsabilites|key responsibilities|responsibilities|what you'll do|what you will do|the role|your role|about the role|the opportunity|le defi|le role|vos activites|activites|your mission|the job)/,
  ],
  ['values', /^(nos valeurs|our values)$/],
  [
    'company',
    /^(qui sommes-nous|qui sommes nous|about us|a propos|who we are|l'entreprise|notre entreprise|la structure|l'association|presentation|about|la problematique|le contexte|contexte)/,
  ],
  [
    'offer',
    /^(ce qu'on t'offre|ce que nous proposons|ce que nous offrons|ce que l'on propose|what we offer|conditions|remuneration|avantages|benefits|why|pourquoi|the boring|perks|package|suite du defi)/,
  ],
  ['apply', /^(how to apply|candidature|pour postuler|processus|comment postuler|to apply)/],
];

/** The opening matches whole words: "requis" must not match "requisition id". */
function opens(re: RegExp, folded: string): boolean {
  const m = re.exec(folded);
  return m !== null && !/[a-z]/.test(folded.charAt(m[0].length));
}

/** Fold a heading for matching: emoji and decorations dropped, trailing ":" / "?" removed. */
function foldHeading(line: string): string {
  return foldText(line.replace(/^[#\s]+/, '').replace(/[^\p{L}\p{N}'’ -]/gu, ' '));
}

/** The section kind a line opens, or null when it is not a heading. */
export function classifyOfferHeading(line: string): OfferSectionKind | null {
  const trimmed = line.trim();
  if (!trimmed || isBullet(trimmed) || trimmed.length > 70) return null;
  const markdown = /^#{1,4}\s/.test(trimmed);
  if (!markdown && /[.;,]$/.test(trimmed)) return null;
  // "Nos valeurs : a, b" carries content: it is an inline statement, not a heading.
  if (!markdown && /:\s*\S/.test(trimmed)) return null;
  const folded = foldHeading(trimmed);
  if (!folded || folded.split(' ').length > 8) return null;
  for (const [kind, re] of OPENINGS) if (opens(re, folded)) return kind;
  return markdown ? 'other' : null;
}

/** "Seraient appréciées : X et Y" → the kind and the content after the label. */
export function classifyInlineOfferHeading(line: string): { kind: OfferSectionKind; content: string } | null {
  const m = /^\s*([^:]{3,50}?)\s*:\s+(\S.*)$/u.exec(line);
  if (!m?.[1] || !m[2] || isBullet(line)) return null;
  const folded = foldHeading(m[1]);
  for (const [kind, re] of OPENINGS) {
    if ((kind === 'nice' || kind === 'must') && opens(re, folded)) return { kind, content: m[2] };
  }
  return null;
}

/** Header lines (before the first heading) and the sections, in order. */
export function splitOfferSections(lines: string[]): { header: string[]; sections: OfferSection[] } {
  const header: string[] = [];
  const sections: OfferSection[] = [];
  let current: OfferSection | null = null;
  for (const line of lines) {
    const kind = classifyOfferHeading(line);
    if (kind) {
      current = { kind, heading: line.replace(/^#+\s*/, '').trim(), lines: [] };
      sections.push(current);
    } else if (current) current.lines.push(line);
    else header.push(line);
  }
  return { header, sections };
}
