/**
 * Grounding check: facts the letter states (certifications, degrees, tools and skills written
 * as names, employers, figures) that the CV does not contain. A claim the offer asks for but the
 * CV lacks is the most tempting invention, so it is reported as an error.
 */
import { foldText, type Span, splitSentences } from '../mirror/text-helpers';
import type { Claim } from './schemas';

// Capitalised words that are not claims (civilities, letter parts, calendar, pronouns at line start).
const NOT_CLAIMS = new Set(
  `madame monsieur mesdames messieurs président présidente directeur directrice objet je j nous vous
  cv le la les l un une mon ma mes votre vos notre nos ce cette c dans depuis après avant pendant
  lors au aux en et mais car donc or ni si chez pour par sur avec comme infirmier infirmière
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi
  mercredi jeudi vendredi samedi dimanche france dear i my your our we you the a an at in on for as
  and but since during after before with this that it yours sincerely faithfully regards
  january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday english french anglais français h f`.split(/\s+/),
);

const CERT_RE =
  /(?<![\p{L}])(?:certifiée?s?|certified|certification|certificat|habilitée?|habilitation|accrédité(?:e)?|qualified|licensed|chartered)\s+((?:[\p{Lu}\d][\p{L}\d+#/.-]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d+#/.-]*|de|d['’]|in|of)){0,4})/gu;
// Degree words are matched case-insensitively; short acronyms only in capitals ("MA", not "ma").
const DEGREE_RE =
  /(?<![\p{L}])(?:(?:[Mm]aster|[Ll]icence|[Dd]octorat|[Bb]achelor(?:['’]s)?|[Dd]iplôme d['’]ingénieur|[Bb]ac\s?\+\s?\d)|(?:BTS|DUT|BUT|MBA|PhD|MSc|BSc|BA|MA))(?:\s+(?:en|in|of|de|d['’])\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2})?(?![\p{L}])/gu;
const EMPLOYER_RE =
  /(?<![\p{L}])(?:chez|au sein (?:de|du|d['’])|at)\s+((?:\p{Lu}[\p{L}'’&-]*)(?:\s+(?:\p{Lu}[\p{L}'’&-]*|de|des|du|d['’]|of|&)){0,4})/gu;
const NUMBER_RE =
  /(?<![\p{L}\p{N}])(\d+(?:[ \u00a0.,]\d{3})*(?:[.,]\d+)?)\s*(%|k€|€|£|\$|\+|ans|années|mois|years?|months?|patients|personnes|clients|projets|people|customers|projects|agents|salariés|étudiants|students|lits|beds|colleagues|collègues|cas|cases|tickets|lignes|rows|test cases|issues)?/giu;
// Names of tools and skills: capitalised words or acronyms not at the start of a sentence.
const NAME_RE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}+#.-]*(?:\s+\p{Lu}[\p{L}\p{N}+#.-]*){0,2})/gu;

/** Extracts the checkable facts of a letter body and checks each against the CV (and offer). */
export function checkClaims(
  body: Span,
  cvText: string,
  offerText: string | undefined,
  exclude: string[],
): Claim[] {
  const cv = foldText(cvText);
  const offer = offerText ? foldText(offerText) : '';
  const excluded = exclude.map(foldText).filter((x) => x.length > 1);
  const sentences = splitSentences(body.text).map((s) => ({
    ...s,
    start: s.start + body.start,
    end: s.end + body.start,
  }));
  const numbers = cvNumbers(cv);
  const offerNumbers = cvNumbers(offer);
  const claims: Claim[] = [];
  const seen = new Set<string>();

  const push = (kind: Claim['kind'], text: string, start: number, sentence: Span, supported: boolean) => {
    const key = `${kind}:${foldText(text)}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push({
      kind,
      claim: { text, start, end: start + text.length },
      sentence,
      supported,
      inOffer: offer.length > 0 && containsWord(offer, foldText(text)),
    });
  };

  for (const s of sentences) {
    const covered: [number, number][] = [];
    const mark = (a: number, b: number) => covered.push([a, b]);
    const isCovered = (a: number) => covered.some(([x, y]) => a >= x && a < y);

    for (const m of s.text.matchAll(CERT_RE)) {
      const name = trimName(m[1]!);
      const at = s.start + (m.index ?? 0) + m[0].indexOf(name);
      mark(at - s.start, at - s.start + name.length);
      push('certification', name, at, s, supportedBy(cv, name));
    }
    for (const m of s.text.matchAll(DEGREE_RE)) {
      const at = s.start + (m.index ?? 0);
      if (isCovered(at - s.start)) continue;
      mark(at - s.start, at - s.start + m[0].length);
      push('degree', m[0], at, s, supportedBy(cv, m[0]) || supportedBy(cv, m[0].split(/\s+/)[0]!));
    }
    for (const m of s.text.matchAll(EMPLOYER_RE)) {
      const name = trimName(m[1]!);
      const at = s.start + (m.index ?? 0) + m[0].indexOf(name);
      if (isCovered(at - s.start) || isExcluded(name, excluded) || NOT_CLAIMS.has(foldText(name))) continue;
      mark(at - s.start, at - s.start + name.length);
      push('employer', name, at, s, supportedBy(cv, name));
    }
    for (const m of s.text.matchAll(NAME_RE)) {
      const local = m.index ?? 0;
      if (isCovered(local)) continue;
      const words = m[1]!.split(/\s+/).filter((w) => !NOT_CLAIMS.has(foldText(w)));
      // The first word of a sentence is capitalised anyway: only an acronym counts there.
      if (local === 0 && !/^[\p{Lu}\d+#.-]{2,}$/u.test(m[1]!.split(/\s+/)[0]!)) words.shift();
      if (words.length === 0) continue;
      const name = trimName(words.join(' '));
      if (name.length < 2 || isExcluded(name, excluded)) continue;
      const at = s.start + local + m[0].indexOf(words[0]!);
      // Names are checked with their capitals: "Tableau" (the tool) is not "tableau de bord".
      push('skill', name, at, s, namedIn(cvText, name) || words.every((w) => namedIn(cvText, w)));
    }
    for (const m of s.text.matchAll(NUMBER_RE)) {
      const n = m[1]!;
      const digits = n.replace(/\D/g, '');
      // Years and tiny counts are not claims worth checking.
      if (/^(?:19|20)\d\d$/.test(digits) && !m[2]) continue;
      if (Number(digits) < 3 && !m[2]) continue;
      const at = s.start + (m.index ?? 0);
      const text = m[0].trim();
      // A figure from the offer describes the employer ("300 hôpitaux"), not the candidate.
      const inOffer = offer.length > 0 && offerNumbers.has(digits);
      push('number', text, at, s, numbers.has(digits) || inOffer);
    }
  }
  return claims;
}

function trimName(name: string): string {
  return name
    .replace(/[.,;:]+$/, '')
    .replace(/\s+(?:de|des|du|d['’]|of|in|&)$/u, '')
    .trim();
}

function isExcluded(name: string, excluded: string[]): boolean {
  const f = foldText(name);
  return excluded.some((x) => x.includes(f) || f.includes(x));
}

function supportedBy(cv: string, term: string): boolean {
  const f = foldText(term).trim();
  if (f.length === 0) return true;
  return containsWord(cv, f) || containsWord(cv.replace(/[-\s]+/g, ''), f.replace(/[-\s]+/g, ''));
}

/** Case-sensitive (accents ignored) match, or the name in capitals as CV headings/skills often write it. */
function namedIn(cvText: string, name: string): boolean {
  const strip = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '');
  const cv = strip(cvText);
  const n = strip(name);
  return (
    containsWord(cv, n) ||
    containsWord(cv, n.toUpperCase()) ||
    containsWord(cv.replace(/[-\s]+/g, ''), n.replace(/[-\s]+/g, ''))
  );
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  while (true) {
    const i = haystack.indexOf(needle, from);
    if (i === -1) return false;
    const before = haystack[i - 1] ?? ' ';
    const after = haystack[i + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}

/** The numbers written in digits in a text (digits only, "2 000" → "2000"). */
function cvNumbers(cv: string): Set<string> {
  const set = new Set<string>();
  for (const m of cv.matchAll(/\d+(?:[ \u00a0.,]\d{3})*/g)) set.add(m[0].replace(/\D/g, ''));
  for (const m of cv.matchAll(/\d+/g)) set.add(m[0]);
  return set;
}
