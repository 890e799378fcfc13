/**
 * Small grammar helpers that let templates insert a candidate's facts without breaking French
 * (elision, contractions, articles before institution names) or English (a/an, lists).
 */

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;
// Words whose "h" is aspirated: no elision before them ("la Halle", "le Haras").
const ASPIRATED_H = /^(halle|haras|hangar|hameau|hall|hauts?|havre)\b/i;

/** True when a French word elides the article or preposition before it ("l'hôpital", "d'Ardoise"). */
export function startsWithVowelSound(word: string): boolean {
  const trimmed = word.trim().replace(/^[«"“(\s]+/, '');
  if (!VOWEL_START.test(trimmed)) return false;
  if (/^h/i.test(trimmed)) return !ASPIRATED_H.test(trimmed);
  // "Y" before a consonant is a vowel sound ("Yves") only in names; before a vowel it is not ("yaourt").
  if (/^y[aeiou]/i.test(trimmed)) return false;
  return true;
}

/** "de" + word with elision: "d'infirmier", "de boulanger". */
export function de(word: string): string {
  return startsWithVowelSound(word) ? `d'${word}` : `de ${word}`;
}

/** "que" + word with elision: "qu'infirmier", "que boulanger". */
export function que(word: string): string {
  return startsWithVowelSound(word) ? `qu'${word}` : `que ${word}`;
}

/** Upper-cases the first letter of a sentence, skipping opening quotes. */
export function capitalise(text: string): string {
  return text.replace(/^([«"“(\s]*)(\p{L})/u, (_, lead: string, first: string) => lead + first.toUpperCase());
}

/** Lower-cases the first letter unless the first word looks like a name or an acronym ("SQL", "Power BI"). */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/[\s,;:]/)[0] ?? '';
  if (firstWord.length > 1 && /^\p{Lu}[\p{Lu}\d]/u.test(firstWord)) return text;
  // Inner capitals ("PostgreSQL", "TestRail") mark a product name, kept as written.
  if (/^\p{L}.*\p{Lu}/u.test(firstWord)) return text;
  return text.replace(/^(\p{Lu})/u, (c) => c.toLowerCase());
}

/** A term in running text: "prospection", "statistiques descriptives", but "Power BI", "ISTQB Foundation" kept. */
export function lowerTerm(term: string): string {
  const words = term.trim().split(/\s+/);
  // A capital or digit after the first word marks a name ("Power BI", "Google Analytics").
  if (words.slice(1).some((w) => /^[\p{Lu}\d]/u.test(w))) return term.trim();
  return lowerFirst(term.trim());
}

/** Removes trailing punctuation and spaces so a CV bullet can end a sentence of ours. */
export function trimFact(text: string): string {
  return text
    .trim()
    .replace(/[\s.;,:!]+$/u, '')
    .trim();
}

/** Joins items the way a sentence lists them: "a, b et c" / "a, b and c". */
export function joinList(items: readonly string[], language: 'fr' | 'en'): string {
  const last = items[items.length - 1];
  if (items.length <= 1) return last ?? '';
  const head = items.slice(0, -1).join(', ');
  return language === 'fr' ? `${head} et ${last}` : `${head} and ${last}`;
}

/** English indefinite article: "a nurse", "an HR advisor"; none for mass nouns like "cabin crew". */
export function withIndefinite(noun: string): string {
  if (/\b(crew|staff|personnel)$/i.test(noun.trim())) return noun;
  const word = noun.trim();
  // Acronyms read letter by letter: "an HR advisor", "a UX designer".
  if (/^[A-Z]{2,}/.test(word)) return `${/^[AEFHILMNORSX]/.test(word) ? 'an' : 'a'} ${word}`;
  const an = /^(?:[aeio]|u(?!ni|s[aeiu]|r[aeiou])|h(?:our|onou?r|eir))/i.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

/** How an organisation's name takes an article in French ("la Laiterie des Abers", "Médiane Santé"). */
export interface FrenchOrganisation {
  name: string;
  /** The definite article the name takes, or null for a brand name used bare. */
  article: 'le' | 'la' | "l'" | 'les' | null;
}

// Common nouns that open an institution's name and call for an article; gender decides it.
const FEMININE_HEADS = new Set(
  'agence agglomération armée association banque bibliothèque biscuiterie boulangerie brasserie caisse chambre clinique collectivité commune communauté compagnie coopérative crèche direction école entreprise épicerie fabrique fédération fondation fromagerie gendarmerie laiterie librairie ludothèque maison mairie manufacture marine médiathèque métropole mutuelle pâtisserie pharmacie polyclinique police poste préfecture région résidence scierie société université ville halle'.split(
    ' ',
  ),
);
const MASCULINE_HEADS = new Set(
  'atelier bureau cabinet centre cercle ch chu chru cirque collectif collège comité conseil consortium département ehpad établissement garage groupe hôpital hôtel hôtel-restaurant institut journal laboratoire lycée magasin ministère musée office réseau restaurant salon service studio supermarché syndicat théâtre cfa ifsi inspé'.split(
    ' ',
  ),
);

/** Reads whether a French organisation name needs an article, from its first word. */
export function describeOrganisation(name: string): FrenchOrganisation {
  const trimmed = name.trim();
  // Names that already carry their article ("Le Courrier des Deux-Rives", "L'Hebdo…") keep it as written.
  if (/^(?:(?:le|la|les|au|aux)\s|l['’])/i.test(trimmed) && /^\p{Lu}/u.test(trimmed)) {
    return { name: trimmed, article: null };
  }
  const head = (trimmed.split(/[\s,]/)[0] ?? '').toLowerCase();
  const bare = head.replace(/-.*$/, '');
  const feminine = FEMININE_HEADS.has(head) || FEMININE_HEADS.has(bare);
  const masculine = MASCULINE_HEADS.has(head) || MASCULINE_HEADS.has(bare);
  if (!feminine && !masculine) return { name: trimmed, article: null };
  if (startsWithVowelSound(trimmed)) return { name: trimmed, article: "l'" };
  return { name: trimmed, article: feminine ? 'la' : 'le' };
}

/** The organisation as a subject or object: "la Laiterie des Abers", "Médiane Santé". */
export function theOrganisation(org: FrenchOrganisation): string {
  if (!org.article) return org.name;
  return org.article === "l'" ? `l'${org.name}` : `${org.article} ${org.name}`;
}

/** "de" + organisation: "de la Communauté…", "du CHU…", "d'Ardoise", "du Courrier…" (from "Le Courrier"). */
export function ofOrganisation(org: FrenchOrganisation): string {
  if (org.article === 'le') return `du ${org.name}`;
  if (org.article === 'les') return `des ${org.name}`;
  if (org.article) return `de ${theOrganisation(org)}`;
  const contracted = contractArticle(org.name, 'de');
  if (contracted) return contracted;
  return de(org.name);
}

/** Where one works: "au CHU de Garonne-Sud", "à la Clinique des Coteaux", "chez Médiane Santé". */
export function atOrganisation(org: FrenchOrganisation): string {
  if (org.article === 'le') return `au ${org.name}`;
  if (org.article === 'les') return `aux ${org.name}`;
  if (org.article) return `à ${theOrganisation(org)}`;
  const contracted = contractArticle(org.name, 'à');
  if (contracted) return contracted;
  return `chez ${org.name}`;
}

// A name that starts with its own article contracts with the preposition: "Le Courrier" → "du Courrier".
function contractArticle(name: string, preposition: 'de' | 'à'): string | null {
  const match = /^(?:(Le|Les|La)\s+|L['’])(.+)$/u.exec(name);
  if (!match) return null;
  const article = match[1] ?? "L'";
  const rest = match[2] ?? '';
  if (article === 'Le') return `${preposition === 'de' ? 'du' : 'au'} ${rest}`;
  if (article === 'Les') return `${preposition === 'de' ? 'des' : 'aux'} ${rest}`;
  if (article === 'La') return `${preposition} la ${rest}`;
  return `${preposition} l'${rest}`;
}
