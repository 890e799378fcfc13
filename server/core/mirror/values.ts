/**
 * Stated values: only explicit statements ("Nos valeurs : …", "nous cultivons trois valeurs : …",
 * "Our values are …", "What we care about: …"). Implicit culture goes to the vocabulary instead,
 * because a value the company never wrote is a guess the letter should not quote back.
 */
import type { Language } from '../profile/schemas';
import type { StatedValue } from './schemas';

// The trigger ends right before the list. Accept up to a few words between "valeurs" and ":".
const TRIGGERS: RegExp[] = [
  /(?:^|[^\p{L}])valeurs?(?:[^\n:.;]{0,40}?)\s*(?::|\bsont\b)\s*/giu,
  /(?:^|[^\p{L}])(?:our|core|company) values?(?:[^\n:.;]{0,30}?)\s*(?::|\bare\b)\s*/giu,
  /(?:^|[^\p{L}])(?:what we care about|what we value|what drives us|ce qui nous (?:anime|rassemble|tient à cœur)|nous croyons en)\s*:\s*/giu,
];

const FR_ARTICLES = /^(?:la|le|les|l['’]|un|une|des|du|de la|de l['’])\s*/iu;
const EN_ARTICLES = /^(?:the|a|an)\s+/iu;
// A long complement after the head noun ("la dignité de chaque personne") is trimmed to the head;
// short fixed phrases ("pouvoir d'agir", "sens du client") are kept whole.
const FR_COMPLEMENT =
  /\s+(?:de|d['’]|pour|envers|vis-à-vis)\s*(?:chaque|tous|toutes|chacun|la|le|les|l['’]|nos|ses|leurs)\b.*$/iu;

/** Extracts the explicitly stated values of a text, normalised, with their offsets. */
export function extractStatedValues(
  text: string,
  language: Language,
  source: StatedValue['source'] = 'offer',
): StatedValue[] {
  const out: StatedValue[] = [];
  const seen = new Set<string>();
  for (const trigger of TRIGGERS) {
    for (const m of text.matchAll(trigger)) {
      const listStart = (m.index ?? 0) + m[0].length;
      const lineEnd = text.indexOf('\n', listStart);
      const line = text.slice(listStart, lineEnd === -1 ? text.length : lineEnd);
      for (const item of splitList(line, language)) {
        const value = normaliseValue(item.text, language);
        const key = value.toLowerCase();
        if (value.length < 2 || seen.has(key)) continue;
        seen.add(key);
        out.push({
          value,
          asWritten: item.text,
          start: listStart + item.offset,
          end: listStart + item.offset + item.text.length,
          source,
        });
      }
    }
  }
  return out;
}

interface Item {
  text: string;
  offset: number;
}

/**
 * The list ends at the first full stop when it has commas ("transparence, entraide, impact. Chez
 * nous…"); a list written as short sentences ("Customers first. Own it. Better together.") is
 * taken whole while its fragments stay short.
 */
function splitList(line: string, language: Language): Item[] {
  const sentences = [...line.matchAll(/[^.!?]+/g)].map((m) => ({ text: m[0], offset: m.index ?? 0 }));
  if (sentences.length === 0) return [];
  const first = sentences[0]!;
  let parts: Item[];
  if (/[,;]/.test(first.text) || /\s(?:et|and)\s/.test(first.text)) {
    parts = splitOn(first, language);
  } else {
    parts = [];
    for (const sentence of sentences) {
      const words = sentence.text.trim().split(/\s+/).length;
      if (words > 4) break;
      parts.push(sentence);
    }
  }
  // An item longer than 8 words is prose, not a value.
  return parts.map((p) => trimItem(p)).filter((p) => p.text.length > 0 && p.text.split(/\s+/).length <= 8);
}

function splitOn(sentence: Item, language: Language): Item[] {
  const sep = language === 'fr' ? /\s*[,;]\s*|\s+et\s+/giu : /\s*[,;]\s*|\s+and\s+/giu;
  const out: Item[] = [];
  let from = 0;
  for (const m of sentence.text.matchAll(sep)) {
    out.push({ text: sentence.text.slice(from, m.index ?? 0), offset: sentence.offset + from });
    from = (m.index ?? 0) + m[0].length;
  }
  out.push({ text: sentence.text.slice(from), offset: sentence.offset + from });
  return out;
}

function trimItem(item: Item): Item {
  const lead = item.text.length - item.text.trimStart().length;
  const text = item.text.trim().replace(/[.!…]+$/, '');
  return { text, offset: item.offset + lead };
}

function normaliseValue(raw: string, language: Language): string {
  let v = raw.trim();
  if (language === 'fr') {
    v = v.replace(FR_ARTICLES, '');
    if (v.split(/\s+/).length > 2) v = v.replace(FR_COMPLEMENT, '');
  } else {
    v = v.replace(EN_ARTICLES, '');
  }
  return v.trim();
}
