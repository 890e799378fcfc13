/**
 * Letter conventions: salutation, closing formula and their agreement, address (vous/tu),
 * "Objet :" line and body length. French rules follow the usual guides (the civility of the
 * salutation is repeated inside the formule de politesse); English ones the British pairing
 * "Dear Sir or Madam" ↔ "Yours faithfully", "Dear Ms Smith" ↔ "Yours sincerely".
 */
import type { Span } from '../mirror/text-helpers';
import { countWords } from '../mirror/text-helpers';
import type { Language } from '../profile/schemas';
import type { Conventions } from './schemas';

/** The letter's parts the other criteria rely on. */
export interface LetterParts {
  salutation: Span | null;
  closing: Span | null;
  subject: Span | null;
  /** The text between the salutation and the closing formula (or the whole letter). */
  body: Span;
}

const FR_SALUTATION =
  /^[ \t]*((?:Madame|Monsieur|Mesdames|Messieurs|Chère|Cher|Bonjour|Hello|Salut)(?:[^\n]{0,70}?)),[ \t]*$/gmu;
const EN_SALUTATION = /^[ \t]*((?:Dear|Hi|Hello|To whom it may concern)(?:[^\n]{0,70}?)),?[ \t]*$/gimu;

const FR_CLOSING =
  /(?:^|(?<=[.!?]\s+)|(?<=\n))[^\n.]*?(?:je vous prie d['’]agréer|veuillez agréer|je vous prie de (?:bien vouloir )?(?:recevoir|croire)|recevez,?|je vous adresse mes|agréez)[^\n]*|^[ \t]*(?:cordialement|bien cordialement|bien à vous|sincères salutations|au plaisir[^\n]*)[ \t]*[,.]?[ \t]*$/gimu;
const EN_CLOSING =
  /^[ \t]*(?:yours sincerely|yours faithfully|yours truly|sincerely(?: yours)?|kind regards|best regards|warm regards|regards|best wishes|best|cheers|thanks)[ \t]*,?[ \t]*$/gimu;

/** Finds the salutation, closing and subject lines and the body between them. */
export function findLetterParts(text: string, language: Language): LetterParts {
  const salRe = language === 'fr' ? FR_SALUTATION : EN_SALUTATION;
  salRe.lastIndex = 0;
  const sal = salRe.exec(text);
  const salutation = sal
    ? spanOf(text, (sal.index ?? 0) + sal[0].indexOf(sal[1]!), sal[1]!.length + 1)
    : null;
  const closeRe = language === 'fr' ? FR_CLOSING : EN_CLOSING;
  let closing: Span | null = null;
  for (const m of text.matchAll(closeRe)) {
    const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    if (salutation && start < salutation.end) continue;
    closing = spanOf(text, start, m[0].trim().length);
    break;
  }
  const subj = /^[ \t]*(?:Objet|Object|Re|Subject)[ \t]*:[^\n]*/imu.exec(text);
  const subject = subj
    ? spanOf(text, subj.index + (subj[0].length - subj[0].trimStart().length), subj[0].trim().length)
    : null;
  const bodyStart = salutation ? salutation.end : 0;
  const bodyEnd = closing ? closing.start : signatureStart(text);
  const raw = text.slice(bodyStart, Math.max(bodyStart, bodyEnd));
  const lead = raw.length - raw.trimStart().length;
  const body = { text: raw.trim(), start: bodyStart + lead, end: bodyStart + lead + raw.trim().length };
  return { salutation, closing, subject, body };
}

function spanOf(text: string, start: number, length: number): Span {
  return { text: text.slice(start, start + length), start, end: start + length };
}

/** Without a closing formula, the body ends before a final short line (the signature). */
function signatureStart(text: string): number {
  const trimmed = text.trimEnd();
  const lastBreak = trimmed.lastIndexOf('\n');
  if (lastBreak > 0 && trimmed.length - lastBreak < 40) return lastBreak;
  return trimmed.length;
}

/** A convention problem with the exact span concerned. */
export interface ConventionIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  span: Span | null;
  suggestion: string;
}

const TU_RE = /(?<![\p{L}\p{N}])(?:tu|toi|te|ton|ta|tes|t['’](?=\p{L}))(?![\p{L}\p{N}])/giu;
const VOUS_RE = /(?<![\p{L}\p{N}])(?:vous|votre|vos)(?![\p{L}\p{N}])/giu;

/** Checks the conventions of the letter and returns what was recognised and the issues. */
export function checkConventions(
  text: string,
  parts: LetterParts,
  language: Language,
  offerAddress: 'vous' | 'tu' | 'you' | null,
): { conventions: Conventions; issues: ConventionIssue[]; score: number } {
  const issues: ConventionIssue[] = [];
  const bodyWords = countWords(parts.body.text);
  let address: Conventions['address'] = 'you';
  let score = 10;
  const fr = language === 'fr';

  if (!parts.salutation) {
    score -= 2;
    issues.push({
      code: 'missing_salutation',
      severity: 'warning',
      message: fr ? "Pas d'appel en tête de lettre." : 'No salutation at the top of the letter.',
      span: null,
      suggestion: fr
        ? "« Madame, Monsieur, » ou, si l'offre nomme le recruteur, « Madame Haddad, »."
        : '"Dear Ms Haddad," when the advert names someone, otherwise "Dear Hiring Manager,".',
    });
  }
  if (!parts.closing) {
    score -= 2;
    issues.push({
      code: 'missing_closing',
      severity: 'warning',
      message: fr ? 'Pas de formule de politesse finale.' : 'No sign-off before your name.',
      span: null,
      suggestion: fr
        ? "« Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées. »"
        : '"Yours sincerely," (named recipient) or "Yours faithfully," (Dear Sir or Madam).',
    });
  }

  if (fr) {
    score -= checkFrenchPair(parts, issues);
    // Address: any tu form in the letter is a fault unless the whole letter is in tu for a tu offer.
    const tuHits = [...text.matchAll(TU_RE)];
    const vousHits = [...text.matchAll(VOUS_RE)];
    address =
      tuHits.length && vousHits.length ? 'mixed' : tuHits.length ? 'tu' : vousHits.length ? 'vous' : 'none';
    if (tuHits.length > 0) {
      const first = tuHits[0]!;
      const tolerated = offerAddress === 'tu' && address === 'tu';
      score -= tolerated ? 1 : 3;
      issues.push({
        code: 'tutoiement',
        severity: tolerated ? 'info' : 'error',
        message: tolerated
          ? "Tutoiement : l'offre tutoie, mais une lettre de candidature vouvoie presque toujours le recruteur."
          : address === 'mixed'
            ? "Tutoiement au milieu d'une lettre au vouvoiement."
            : 'Tutoiement dans une lettre de candidature.',
        span: { text: first[0], start: first.index ?? 0, end: (first.index ?? 0) + first[0].length },
        suggestion: 'Vouvoyez le recruteur : « vous verrez », « votre équipe ».',
      });
    }
    if (!parts.subject) {
      score -= 1;
      issues.push({
        code: 'missing_subject',
        severity: 'info',
        message: 'Pas de ligne « Objet : ».',
        span: null,
        suggestion: "« Objet : Candidature au poste de [intitulé exact de l'offre] ».",
      });
    }
  } else {
    score -= checkEnglishPair(parts, issues);
  }

  // Length: 250–400 words for the body (DESIGN §1); English letters of the same page length.
  if (bodyWords < 200 || bodyWords > 450) {
    score -= 2;
    issues.push(lengthIssue(bodyWords, fr, 'warning'));
  } else if (bodyWords < 250 || bodyWords > 400) {
    score -= 1;
    issues.push(lengthIssue(bodyWords, fr, 'info'));
  }

  return {
    conventions: {
      salutation: parts.salutation,
      closing: parts.closing,
      subject: parts.subject,
      address,
      bodyWords,
    },
    issues,
    score: Math.max(0, score),
  };
}

function lengthIssue(words: number, fr: boolean, severity: 'warning' | 'info'): ConventionIssue {
  const short = words < 250;
  return {
    code: short ? 'too_short' : 'too_long',
    severity,
    message: fr
      ? `Corps de lettre de ${words} mots (cible : 250 à 400).`
      : `The body is ${words} words long (aim for 250 to 400).`,
    span: null,
    suggestion: short
      ? fr
        ? 'Ajoutez une preuve chiffrée tirée du CV et une phrase sur ce qui vous attire dans cette entreprise.'
        : 'Add one quantified proof from your CV and one sentence on why this employer.'
      : fr
        ? 'Gardez trois preuves, supprimez les répétitions du CV.'
        : 'Keep three proofs; cut what repeats the CV.',
  };
}

/** The civility as it should reappear in the closing: "Madame, Monsieur", "Monsieur le Président", "Madame". */
function civilityOf(salutation: string): string {
  const s = salutation.replace(/,\s*$/, '').trim();
  // "Madame Haddad" → "Madame": the surname is not repeated in the formula.
  const named = /^(Madame|Monsieur)\s+(?!le\b|la\b|l['’])\p{Lu}[\p{L}-]+$/u.exec(s);
  if (named) return named[1]!;
  return s;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();

function checkFrenchPair(parts: LetterParts, issues: ConventionIssue[]): number {
  let penalty = 0;
  const sal = parts.salutation;
  const close = parts.closing;
  if (sal && /^(?:bonjour|hello|salut)/i.test(sal.text)) {
    penalty += 2;
    issues.push({
      code: 'informal_salutation',
      severity: 'warning',
      message: `« ${sal.text} » est trop familier pour une candidature.`,
      span: sal,
      suggestion: '« Madame, Monsieur, » ou « Madame [Nom], » si le recruteur est nommé.',
    });
  }
  if (!close) return penalty;
  if (/^(?:cordialement|bien cordialement|bien à vous|au plaisir)/i.test(close.text)) {
    penalty += 1;
    issues.push({
      code: 'light_closing',
      severity: 'info',
      message: `« ${close.text} » convient à un courriel, pas à une lettre de motivation.`,
      span: close,
      suggestion: "« Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées. »",
    });
    return penalty;
  }
  // The civility repeated inside the formula, between commas: "agréer, Madame, Monsieur, l'expression".
  const inFormula =
    /(?:agréer|recevoir|croire|recevez|agréez),\s*((?:Madame|Monsieur|Mesdames|Messieurs|Cher|Chère)[^,]*(?:,\s*(?:Madame|Monsieur)[^,]*)?),/u.exec(
      close.text,
    );
  if (!inFormula) {
    if (sal) {
      penalty += 1;
      issues.push({
        code: 'closing_without_civility',
        severity: 'warning',
        message: "La formule de politesse ne reprend pas l'appel.",
        span: close,
        suggestion: `« Je vous prie d'agréer, ${civilityOf(sal.text)}, l'expression de mes salutations distinguées. »`,
      });
    }
  } else if (sal && norm(inFormula[1]!) !== norm(civilityOf(sal.text))) {
    penalty += 3;
    const start = close.start + inFormula.index + inFormula[0].indexOf(inFormula[1]!);
    issues.push({
      code: 'closing_mismatch',
      severity: 'error',
      message: `L'appel « ${sal.text} » et la formule finale « ${inFormula[1]} » ne concordent pas.`,
      span: { text: inFormula[1]!, start, end: start + inFormula[1]!.length },
      suggestion: `Reprenez exactement l'appel : « Je vous prie d'agréer, ${civilityOf(sal.text)}, l'expression de mes salutations distinguées. »`,
    });
  }
  if (/sentiments/i.test(close.text)) {
    penalty += 0.5;
    issues.push({
      code: 'sentiments_formula',
      severity: 'info',
      message: "« Sentiments » s'emploie peu d'un candidat vers un recruteur.",
      span: close,
      suggestion: "« …l'expression de mes salutations distinguées » ou « …de ma considération distinguée ».",
    });
  }
  return penalty;
}

function checkEnglishPair(parts: LetterParts, issues: ConventionIssue[]): number {
  const sal = parts.salutation;
  const close = parts.closing;
  if (!sal || !close) return 0;
  const unnamed = /sir|madam|to whom/i.test(sal.text);
  const named =
    /^dear\s+(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+\p{Lu}/iu.test(sal.text) ||
    /^dear\s+\p{Lu}\p{L}+\s+\p{Lu}\p{L}+/u.test(sal.text);
  const faithfully = /faithfully/i.test(close.text);
  const sincerely = /sincerely/i.test(close.text);
  if ((unnamed && sincerely) || (named && faithfully)) {
    issues.push({
      code: 'closing_mismatch',
      severity: 'error',
      message: `"${sal.text}" should be closed with "${unnamed ? 'Yours faithfully' : 'Yours sincerely'}", not "${close.text}".`,
      span: close,
      suggestion: unnamed ? 'Yours faithfully,' : 'Yours sincerely,',
    });
    return 3;
  }
  if (/^(?:hi|hello)/i.test(sal.text) || /^(?:cheers|thanks|best)\b/i.test(close.text)) {
    issues.push({
      code: 'informal_salutation',
      severity: 'info',
      message: 'The greeting or sign-off reads like an e-mail to a colleague.',
      span: /^(?:hi|hello)/i.test(sal.text) ? sal : close,
      suggestion: '"Dear [Name]," … "Yours sincerely," — or "Kind regards," for a start-up.',
    });
    return 1;
  }
  return 0;
}
