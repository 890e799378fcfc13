import { foldText, type Language, splitSentences } from '../text';
import type { OfferSection } from './schemas';

/** A line or sentence of the offer with the section it belongs to. */
export interface OfferSegment {
  text: string;
  start: number;
  end: number;
  section: OfferSection;
  /** A list item: its text is a requirement on its own. */
  bullet: boolean;
}

const BULLET = /^\s*(?:[-*•▪–—·●◦►✓✔→]|\d+[.)])\s+/u;
// Emoji and pictographs that decorate start-up headings ("🎯 Ce qu'on attend de toi").
const DECORATION = /(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})/gu;

// Heading vocabularies, on folded text. Nice-to-have is tested first: "compétences appréciées"
// would otherwise read as "compétences".
const NICE_HEADINGS =
  /^(?:un plus|les plus|atouts? apprecies?|competences appreciees|seraient? apprecie(?:e|es|s)?|serait un plus|ce serait top|ce serait un plus|bonus|nice to have|desirable|preferred|it would be great|would be a plus|pluses|ideally)/;
const MUST_HEADINGS =
  /^(?:competences (?:requises|attendues|techniques|cles|indispensables)|profil|votre profil|ton profil|ce qu'on attend|ce que nous attendons|vos atouts|tes atouts|qualifications|requirements|essential|what you'll need|what you need|what we're looking for|what we are looking for|you'll (?:probably )?have|you will have|who you are|about you|person specification|skills|must have|required|your profile|competences|savoir[- ]etre|prerequis|exigences)/;
const MISSION_HEADINGS =
  /^(?:vos missions|votre mission|ta mission|tes missions|missions|mission|le poste|descriptif du poste|description du poste|the role|what you'll do|what you will do|key responsibilities|responsibilities|your role|the opportunity|about the role|activites|vos responsabilites)/;
const COMPANY_HEADINGS =
  /^(?:qui sommes[- ]nous|a propos|about us|who we are|pourquoi nous rejoindre|pourquoi rejoindre|why |what we offer|ce qu'on t'offre|ce qu'on vous offre|ce que nous (?:proposons|offrons)|conditions|avantages|benefits|nos valeurs|our values|notre projet|remuneration|salaire|salary|processus de recrutement|pour postuler|how to apply|what we care about|the boring|infos pratiques|contact|hello|hey|bonjour|hi\b|poste a pourvoir|envoyez|apply)/;

// Sentence cues for offers written in prose (offer 03) and for paragraphs inside sections.
const NICE_CUES =
  /serai(?:en)?t (?:un plus|apprecie)|un plus\b|ideal(?:ement)?|apprecie|would be (?:a plus|nice|great)|is a plus|ideally|bonus|desirable|preferred|nice to have/;
const MUST_CUES =
  /de formation|titulaire|vous savez|vous maitrisez|vous avez (?:une|des|un|de)|vous disposez|indispensable|requis|obligatoire|exige|qualites que|you (?:have|bring|will have|must)|must have|required|essential|proven/;
const MISSION_CUES =
  /vous (?:assurez|serez|aurez pour|etes charge|prenez|participez|concevez|developpez|diagnostiquez|travaillez|intervenez)|you(?:'ll| will) (?:join|work|be|own|ship|plan)|rattache|au sein d/;
const COMPANY_CUES =
  /entreprise (?:familiale|de \d)|nous sommes|societe|we are|we're|founded|fonde|depuis 19|depuis 20|salaries|employees|nos valeurs|our values|remuneration|salaire|salary|mutuelle|teletravail|candidature|postuler|apply|envoyez|send us/;

/** Section named by a heading line, or undefined when the line is not a heading. */
export function classifyHeading(line: string): OfferSection | undefined {
  const cleaned = foldText(line.replace(DECORATION, ''))
    .replace(/^[\s#*_=:-]+|[\s#*_=:?!.-]+$/g, '')
    .trim();
  if (cleaned.length === 0 || cleaned.length > 60) return undefined;
  if (NICE_HEADINGS.test(cleaned)) return 'nice';
  if (MISSION_HEADINGS.test(cleaned)) return 'missions';
  if (COMPANY_HEADINGS.test(cleaned)) return 'company';
  if (MUST_HEADINGS.test(cleaned)) return 'must';
  return undefined;
}

/** Section suggested by a sentence's wording, for prose. */
function classifySentence(sentence: string): OfferSection | undefined {
  const folded = foldText(sentence);
  if (COMPANY_CUES.test(folded)) return 'company';
  if (NICE_CUES.test(folded)) return 'nice';
  if (MUST_CUES.test(folded)) return 'must';
  if (MISSION_CUES.test(folded)) return 'missions';
  return undefined;
}

/** Offset just past the end of the title line, or 0 when none was found. */
export interface OfferTitle {
  text: string;
  start: number;
  end: number;
}

const TITLE_LABEL = /^(?:job title|intitul[ée] du poste|poste|title)\s*:\s*(.+)$/i;
const RECRUITS = /\brecrute\s+(?:(?:un·e|un\.e|une?|des)\s+)?(.+)$/iu;

/** Finds the job title: a "Job title:" line, the line after "recrute", or the first line. */
export function findOfferTitle(text: string): OfferTitle {
  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ text: line, start: offset });
    offset += line.length + 1;
  }
  const head = lines.slice(0, 8);
  for (const line of head) {
    const labelled = TITLE_LABEL.exec(line.text.trim());
    if (labelled?.[1]) {
      const start = line.start + line.text.indexOf(labelled[1]);
      return { text: labelled[1].trim(), start, end: start + labelled[1].trim().length };
    }
  }
  for (const [index, line] of head.entries()) {
    const recruits = RECRUITS.exec(line.text);
    if (recruits?.[1] && recruits[1].trim().length > 3) {
      const start = line.start + line.text.indexOf(recruits[1]);
      return { text: recruits[1].trim(), start, end: start + recruits[1].trim().length };
    }
    // "… recrute" alone on its line: the title is the next line.
    const next = head[index + 1];
    if (/\brecrute\s*:?\s*$/i.test(line.text) && next) {
      return { text: next.text.trim(), start: next.start, end: next.start + next.text.trimEnd().length };
    }
  }
  const first = lines[0];
  if (!first) return { text: '', start: 0, end: 0 };
  return { text: first.text.trim(), start: first.start, end: first.start + first.text.trimEnd().length };
}

/**
 * Cuts an offer into segments (bullets, lines, prose sentences) labelled with their section:
 * explicit headings (French, English, emoji-decorated), inline labels ("Seraient appréciées : …"),
 * and, for prose, sentence cues ("serait un plus", "vous êtes titulaire").
 */
export function segmentOffer(text: string, _language: Language): OfferSegment[] {
  const title = findOfferTitle(text);
  const segments: OfferSegment[] = [];
  let section: OfferSection = 'company';
  let sawHeading = false;
  let sectionHadBullets = false;
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.trim();
    if (!line) continue;
    const start = lineStart + rawLine.indexOf(line);
    if (title.end > title.start && title.start >= start && title.start < start + line.length) {
      segments.push({
        text: title.text,
        start: title.start,
        end: title.end,
        section: 'title',
        bullet: false,
      });
      continue;
    }
    const heading = classifyHeading(line);
    if (heading) {
      section = heading;
      sawHeading = true;
      sectionHadBullets = false;
      continue;
    }
    // "Seraient appréciées : une expérience…", "Nos valeurs : …", "Vos atouts : leadership…".
    const colon = line.indexOf(':');
    if (colon > 0 && colon < 40) {
      const labelled = classifyHeading(line.slice(0, colon));
      if (labelled) {
        const bodyStart = start + colon + 1;
        const body = text.slice(bodyStart, start + line.length);
        const trimmedStart = bodyStart + (body.length - body.trimStart().length);
        // A company label also opens a company block: what follows is benefits or application steps.
        if (labelled === 'company') section = 'company';
        if (body.trim()) {
          segments.push({
            text: body.trim(),
            start: trimmedStart,
            end: start + line.length,
            section: labelled,
            bullet: false,
          });
        }
        continue;
      }
    }
    const bullet = BULLET.test(rawLine);
    if (bullet) {
      const marker = BULLET.exec(line)?.[0].length ?? 0;
      sectionHadBullets = true;
      segments.push({
        text: line.slice(marker),
        start: start + marker,
        end: start + line.length,
        section,
        bullet: true,
      });
      continue;
    }
    // A paragraph after a list closes a requirement list ("Poste à pourvoir dès que possible…").
    if ((section === 'must' || section === 'nice') && sectionHadBullets) section = 'other';
    const paragraphSection: OfferSection = sawHeading ? section : 'other';
    // Short lines before any heading are the header (company, place, contract).
    if (!sawHeading && line.length < 90 && segments.every((segment) => segment.section !== 'other')) {
      segments.push({ text: line, start, end: start + line.length, section: 'company', bullet: false });
      continue;
    }
    for (const sentence of splitSentences(line)) {
      const cue = classifySentence(sentence.text);
      // Cues refine prose; inside an explicit requirement section they cannot demote it to context.
      let sentenceSection = cue ?? paragraphSection;
      if (
        (paragraphSection === 'must' || paragraphSection === 'nice') &&
        cue !== 'nice' &&
        cue !== 'company'
      ) {
        sentenceSection = paragraphSection;
      }
      if (paragraphSection === 'company' && cue !== 'company') sentenceSection = 'company';
      segments.push({
        text: sentence.text,
        start: start + sentence.start,
        end: start + sentence.end,
        section: sentenceSection,
        bullet: false,
      });
    }
  }
  return segments;
}
