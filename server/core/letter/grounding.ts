/**
 * Grounding post-check: named things in a letter (organisations, schools, certifications —
 * capitalised multi-word names and acronyms — and numbers) that appear in neither the CV nor the
 * offer (nor the user's own inputs). A model that invents an employer or a figure is caught here.
 * Accent- and case-insensitive. Ignored: the date line, salutation and closing lines, a single
 * capitalised word at the start of a sentence, months and days, civilities and the app's own words.
 * Limits: numbers written in words and lower-case inventions ("un master de droit") are not seen.
 */
import { z } from 'zod';
import { foldText } from '../text/fold';

export const UnsupportedMentionSchema = z.object({
  /** As written in the letter. */
  text: z.string(),
  kind: z.enum(['organisation', 'school', 'certification', 'acronym', 'number']),
  /** Offset in the letter text. */
  index: z.number().int().nonnegative(),
});
/** A name or number of the letter found in no source. */
export type UnsupportedMention = z.infer<typeof UnsupportedMentionSchema>;

export const GroundingReportSchema = z.object({
  /** True when every checked mention is found in a source. */
  grounded: z.boolean(),
  /** How many names and numbers were checked. */
  checked: z.number().int().nonnegative(),
  unsupported: z.array(UnsupportedMentionSchema),
});
/** The result of the grounding check, stored with the letter and shown to the user. */
export type GroundingReport = z.infer<typeof GroundingReportSchema>;

/** The texts a letter may draw on. */
export interface GroundingSources {
  cvText: string;
  offerText: string;
  /** The user's own inputs (answers, career change, city): see `briefSourceText`. */
  briefText?: string | undefined;
}

// Words a letter legitimately capitalises without a source: civilities, titles, calendar, connectors.
const OWN_WORDS = new Set(
  [
    'madame monsieur mademoiselle mesdames messieurs président présidente directeur directrice maire préfet',
    'objet re ms mr mrs miss dr sir madam dear yours hiring manager team',
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'january february march april may june july august september october november december',
    'monday tuesday wednesday thursday friday saturday sunday',
    "i i'm i've i'd i'll cv p.s ps",
  ]
    .join(' ')
    .split(/\s+/)
    .map(foldText),
);

// Lower-case words that may join the capitalised words of one name ("CHU de Garonne-Sud").
const CONNECTORS = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  'le',
  'les',
  "l'",
  'of',
  'the',
  'and',
  '&',
  'for',
  'et',
  'en',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-+./&]*[\p{L}\p{N}+]|[\p{L}\p{N}&]/gu;
const SCHOOL =
  /\b(universit|ecole|école|lycee|lycée|institut|college|collège|school|academy|inspe|ifsi|cfa|campus)/i;
const CERTIFICATION =
  /\b(certifi|diplom|dipl[oô]me|titre|level|niveau|associate|foundation|bts|master|licence|bachelor|msc|bsc|ba\b)/i;

function connectorKey(word: string): string {
  const folded = foldText(word).replace(/’/g, "'");
  return /^[dl]'/.test(folded) ? folded.slice(0, 2) : folded;
}

function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\d\-+./&]+$/u.test(word) && /\p{Lu}.*\p{Lu}|\d/u.test(word);
}

function normalise(text: string): string {
  return ` ${foldText(text)
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9'&+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function normaliseNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '').replace(/[.,]$/, '');
}

function numbersOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?/g)) {
    found.add(normaliseNumber(match[0]));
    // "1,1 %" may be written "1.1 %" in the other language; both count.
    found.add(normaliseNumber(match[0]).replace(',', '.'));
  }
  return found;
}

// The date line ("Toulouse, le 25 novembre 2026", "25 November 2026") is the writer's own.
const DATE =
  /\b(?:le\s+)?(?:1er|\d{1,2})\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},\s+\d{4}\b/giu;

function isSalutationOrClosing(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.split(/\s+/).length > 8) return false;
  return /^(madame|monsieur|mesdames|dear|bonjour|hello|hi|yours|kind regards|best regards|regards|bien cordialement|cordialement|sincerely)\b/i.test(
    trimmed,
  );
}

interface Mention {
  text: string;
  words: string[];
  index: number;
  kind: UnsupportedMention['kind'];
}

function mentionsOf(letter: string): { names: Mention[]; numbers: Mention[] } {
  const names: Mention[] = [];
  const numbers: Mention[] = [];
  let offset = 0;
  const lines = letter.split('\n');
  const lastLine = [...lines].reverse().find((l) => l.trim().length > 0) ?? '';
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    // The signature is the candidate's own name, checked by nothing but the CV header.
    if (
      !line.trim() ||
      isSalutationOrClosing(line) ||
      (line === lastLine && line.trim().split(/\s+/).length <= 4)
    ) {
      continue;
    }
    const masked = line.replace(DATE, (m) => ' '.repeat(m.length));
    for (const match of masked.matchAll(/\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?/g)) {
      // Digits inside a word ("PL-300", "VST3", "B2B") belong to that name and are checked with it.
      const before = masked[(match.index ?? 0) - 1] ?? ' ';
      const after = masked[(match.index ?? 0) + match[0].length] ?? ' ';
      if (/[\p{L}-]/u.test(before) || /\p{L}/u.test(after)) continue;
      numbers.push({ text: match[0], words: [], index: lineStart + (match.index ?? 0), kind: 'number' });
    }
    const words = [...masked.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index ?? 0 }));
    let group: { word: string; start: number }[] = [];
    let pending: { word: string; start: number }[] = [];
    const flush = () => {
      if (group.length > 0) {
        const first = group[0];
        const last = group[group.length - 1];
        if (first && last) {
          const text = line.slice(first.start, last.start + last.word.length);
          const capitalised = group.map((g) => g.word).filter((w) => !CONNECTORS.has(connectorKey(w)));
          const kind: Mention['kind'] = SCHOOL.test(text)
            ? 'school'
            : CERTIFICATION.test(text)
              ? 'certification'
              : capitalised.length === 1 && isAcronym(capitalised[0] ?? '')
                ? 'acronym'
                : 'organisation';
          names.push({ text, words: capitalised, index: lineStart + first.start, kind });
        }
      }
      group = [];
      pending = [];
    };
    let previousEnd = 0;
    for (const { word, start } of words) {
      const between = masked.slice(previousEnd, start);
      const atSentenceStart =
        previousEnd === 0 || /[.!?:;«“"]\s*$/.test(between) || /^[\s«“"(]*$/.test(masked.slice(0, start));
      previousEnd = start + word.length;
      // Punctuation between two words ends a name ("Python, SQL" are two).
      if (/[,;:.!?()«»“”"]/.test(between)) flush();
      const folded = foldText(word);
      const named = (/^\p{Lu}/u.test(word) || isAcronym(word)) && !OWN_WORDS.has(folded);
      if (named) {
        // An ordinary word opening a sentence is capitalised by grammar, not because it is a name.
        if (atSentenceStart && !isAcronym(word)) {
          flush();
          continue;
        }
        group.push(...pending, { word, start });
        pending = [];
        continue;
      }
      if (group.length > 0 && CONNECTORS.has(connectorKey(word))) {
        pending.push({ word, start });
        continue;
      }
      flush();
    }
    flush();
  }
  return { names, numbers };
}

/** Lists the names and numbers of a letter that no source contains. */
export function checkGrounding(letterText: string, sources: GroundingSources): GroundingReport {
  const corpus = [sources.cvText, sources.offerText, sources.briefText ?? ''].join('\n');
  const haystack = normalise(corpus);
  const sourceNumbers = numbersOf(corpus);
  const { names, numbers } = mentionsOf(letterText);
  const unsupported: UnsupportedMention[] = [];
  for (const mention of names) {
    if (haystack.includes(normalise(mention.text))) continue;
    // A name recombined from known parts ("Power BI et SQL") passes; one unknown part fails it.
    const unknown = mention.words.filter(
      (w) => !OWN_WORDS.has(foldText(w)) && !haystack.includes(normalise(w)),
    );
    if (unknown.length === 0) continue;
    unsupported.push({ text: mention.text, kind: mention.kind, index: mention.index });
  }
  for (const mention of numbers) {
    const value = normaliseNumber(mention.text);
    if (sourceNumbers.has(value) || sourceNumbers.has(value.replace(',', '.'))) continue;
    unsupported.push({ text: mention.text, kind: 'number', index: mention.index });
  }
  unsupported.sort((a, b) => a.index - b.index);
  return { grounded: unsupported.length === 0, checked: names.length + numbers.length, unsupported };
}
