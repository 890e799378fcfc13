/**
 * Letter conventions: the place and date line, the subject line, the salutation and a closing
 * formula that repeats it. French: "Madame, Monsieur," … "Je vous prie d'agréer, Madame, Monsieur,
 * l'expression de mes salutations distinguées."; English (UK): "Dear Ms Haddad," → "Yours sincerely,",
 * "Dear Hiring Manager," → "Yours faithfully,".
 */
import { z } from 'zod';
import type { Language, OfferProfile } from '../profile/schemas';
import { de } from './grammar';
import type { Tone } from './options';

export const AddresseeKindSchema = z.enum(['generic', 'named', 'title', 'team']);
/** generic ("Madame, Monsieur,"), named ("Madame Haddad,"), title ("Monsieur le Président,"), team ("Dear Ardoise team,"). */
export type AddresseeKind = z.infer<typeof AddresseeKindSchema>;

export const ConventionsSchema = z.object({
  /** "Toulouse, le 25 novembre 2026" / "25 November 2026". */
  placeDateLine: z.string(),
  /** "Objet : Candidature au poste de …" / "Re: Application for the … role". */
  subjectLine: z.string(),
  /** French "À l'attention de Claire Dubois" when a recruiter is named; null otherwise. */
  attentionLine: z.string().nullable().default(null),
  /** With its comma: "Madame, Monsieur,". */
  salutation: z.string(),
  /** French: the full formule de politesse (a sentence); English: "Yours sincerely,". */
  closing: z.string(),
  /** The name under the closing (the candidate's, as in the CV), or null. */
  signature: z.string().nullable(),
  addresseeKind: AddresseeKindSchema,
  /** The letter always says "vous" in French (even to a start-up that says "tu"); "you" in English. */
  address: z.enum(['vous', 'you']),
});
/** The fixed parts of the letter, decided once in the brief. */
export type Conventions = z.infer<typeof ConventionsSchema>;

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "le 1er décembre 2026" / "1 December 2026" (UTC day, so a server's zone never shifts it). */
export function formatLetterDate(date: Date, language: Language): string {
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  if (language === 'en') return `${day} ${MONTHS_EN[month]} ${year}`;
  return `le ${day === 1 ? '1er' : day} ${MONTHS_FR[month]} ${year}`;
}

/** Title in running text: "technicien de maintenance" but "Data Analyst junior" (capitals inside are names). */
export function titleInText(title: string): string {
  const rest = title.slice(1);
  return /\p{Lu}/u.test(rest) ? title : title.charAt(0).toLowerCase() + rest;
}

interface Recruiter {
  name: string;
  civility: string | null;
  role: string | null;
}

type Gender = 'f' | 'm' | null;

function genderOf(civility: string | null): Gender {
  if (!civility) return null;
  if (/^(mme|madame|mrs|ms|miss|mlle|mademoiselle)\.?$/i.test(civility.trim())) return 'f';
  if (/^(m|mr|monsieur|mister)\.?$/i.test(civility.trim())) return 'm';
  return null;
}

/** "Mme" → "Madame", "M." → "Monsieur"; unknown civilities are left out. */
function civilityWord(civility: string | null): string | null {
  const gender = genderOf(civility);
  return gender === 'f' ? 'Madame' : gender === 'm' ? 'Monsieur' : null;
}

/** Splits "Mme Nadia Haddad" into civility and name; a bare name keeps civility null. */

export function parseRecruiterName(raw: string): { civility: string | null; name: string } {
  const match = /^(Mme|Madame|Mrs|Ms|Miss|Mlle|Mademoiselle|M|Mr|Monsieur)\.?\s+(.+)$/i.exec(raw.trim());
  if (!match) return { civility: null, name: raw.trim() };
  return { civility: match[1] ?? null, name: (match[2] ?? '').trim() };
}

function lastName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

// "Monsieur le Président de la Communauté…" → "Monsieur le Président"; a role makes a title form.
function titleForm(text: string): string | null {
  const match = /^(Madame|Monsieur)\s+(le|la|l['’])\s*(\p{L}[\p{L}-]*)/iu.exec(text.trim());
  if (!match) return null;
  const [, civ = '', article = '', title = ''] = match;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const joined = /['’]$/.test(article) ? `l'${cap(title)}` : `${article.toLowerCase()} ${cap(title)}`;
  return `${cap(civ)} ${joined}`;
}

function roleTitle(role: string | null, gender: Gender): string | null {
  if (!role || !gender) return null;
  if (/directr|directeur/i.test(role) && !/adjoint|rh|ressources/i.test(role)) {
    return gender === 'f' ? 'Madame la Directrice' : 'Monsieur le Directeur';
  }
  if (/pr[ée]sident/i.test(role)) return gender === 'f' ? 'Madame la Présidente' : 'Monsieur le Président';
  return null;
}

export interface ConventionsInput {
  language: Language;
  tone: Tone;
  formality: 'formal' | 'informal';
  sector: 'startup' | 'corporate' | 'public' | 'associative';
  offer: OfferProfile;
  /** The user's override ("Mme Nadia Haddad"), else the offer's recruiter. */
  recruiterName: string | undefined;
  role: string;
  city: string | null;
  candidateName: string | null;
  today: Date;
}

/** Decides the date line, subject, salutation and a closing consistent with the salutation. */
export function decideConventions(input: ConventionsInput): Conventions {
  const { language, offer } = input;
  const recruiter: Recruiter | null = input.recruiterName
    ? { ...parseRecruiterName(input.recruiterName), role: null }
    : offer.recruiter
      ? { name: offer.recruiter.name, civility: offer.recruiter.civility ?? null, role: offer.recruiter.role }
      : null;
  if (recruiter && !recruiter.civility) {
    const parsed = parseRecruiterName(recruiter.name);
    recruiter.civility = parsed.civility;
    recruiter.name = parsed.name;
  }
  const light = input.tone === 'startup' || input.formality === 'informal';
  const date = formatLetterDate(input.today, language);
  const signature = input.candidateName;

  if (language === 'en') {
    const gender = genderOf(recruiter?.civility ?? null);
    let salutation = 'Dear Hiring Manager,';
    let closing = 'Yours faithfully,';
    let kind: AddresseeKind = 'generic';
    if (recruiter) {
      const honorific = gender === 'f' ? 'Ms' : gender === 'm' ? 'Mr' : null;
      salutation = honorific ? `Dear ${honorific} ${lastName(recruiter.name)},` : `Dear ${recruiter.name},`;
      closing = 'Yours sincerely,';
      kind = 'named';
    } else if (light && offer.company) {
      salutation = `Dear ${offer.company} team,`;
      closing = 'Kind regards,';
      kind = 'team';
    }
    return {
      placeDateLine: date,
      subjectLine: `Re: Application for the ${input.role} role`,
      // "Dear Claire Dubois," already names the reader.
      attentionLine: null,
      salutation,
      closing,
      signature,
      addresseeKind: kind,
      address: 'you',
    };
  }

  let appellation = 'Madame, Monsieur';
  let kind: AddresseeKind = 'generic';
  const fromAddressee = offer.addressee ? titleForm(offer.addressee) : null;
  const gender = genderOf(recruiter?.civility ?? null);
  const fromRole = recruiter && !input.recruiterName ? roleTitle(recruiter.role, gender) : null;
  if (fromAddressee) {
    appellation = fromAddressee;
    kind = 'title';
  } else if (fromRole) {
    appellation = fromRole;
    kind = 'title';
  } else if (recruiter && gender) {
    appellation = `${gender === 'f' ? 'Madame' : 'Monsieur'} ${lastName(recruiter.name)}`;
    kind = 'named';
  }
  // The formula repeats the salutation word for word; its warmth follows the tone and the register.
  let closing: string;
  if (kind === 'title' && /Président|Maire|Préfet/.test(appellation)) {
    closing = `Je vous prie d'agréer, ${appellation}, l'expression de ma haute considération.`;
  } else if (light) {
    closing = `Je vous adresse, ${appellation}, mes cordiales salutations.`;
  } else if (input.tone === 'dynamique' || input.tone === 'creatif' || input.tone === 'associatif') {
    closing = `Je vous prie de recevoir, ${appellation}, mes sincères salutations.`;
  } else {
    closing = `Je vous prie d'agréer, ${appellation}, l'expression de mes salutations distinguées.`;
  }
  const city = input.city?.trim();
  return {
    placeDateLine: city ? `${city}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1),
    subjectLine: `Objet : Candidature au poste ${de(titleInText(input.role))}`,
    // The name is kept even when the salutation cannot use it (gender unknown: "Madame, Monsieur,").
    attentionLine: recruiter
      ? `À l'attention de ${[civilityWord(recruiter.civility), recruiter.name].filter(Boolean).join(' ')}`
      : null,
    salutation: `${appellation},`,
    closing,
    signature,
    addresseeKind: kind,
    address: 'vous',
  };
}
