/**
 * The offer's own vocabulary: content words and short phrases, ranked by weighted frequency with
 * a bonus for longer (rarer) words and for the company's self-description. Stop words, generic
 * job-advert words and proper nouns (company, tools, places: the ATS analyzer covers skills) are
 * left out, so what remains is how this employer talks about its work.
 */
import type { Language } from '../profile/schemas';
import type { VocabularyTerm } from './schemas';
import {
  createStemmer,
  isStopWord,
  type Span,
  splitSentences,
  type Token,
  tokenizeWithOffsets,
  tokensBySentence,
} from './text-helpers';

const GENERIC_FR = new Set(
  `poste postes mission missions profil profils candidat candidate candidats candidature candidatures cv lettre
  motivation expérience expériences compétence compétences requises requis recherché recherchée recherchons
  cdi cdd stage alternance temps plein partiel rémunération salaire brut bruts annuels annuel mensuels mois
  an ans année années jour jours semaine semaines télétravail heures poste h f x k€ € envoyez postuler
  adresser adresse merci rejoindre rejoins rejoignez équipe équipes entreprise société connaissance
  connaissances maîtrise capacité plus atout atouts idéalement souhaité souhaitée apprécié appréciée
  appréciées appréciés selon dès possible avant après formation niveau bac diplôme diplômé diplômée
  travail travailler lieu contrat type date prise offre offres nouveaux nouvelles nouvelle nouveau
  premier première deux trois quatre cinq six dix cent mille chez ensemble chaque jusqu ainsi également
  vous nous tu toi ton ta tes votre vos notre nos leur leurs être avoir faire sait savez savoir peux
  pouvez voulez veux envie comme sein cadre également aussi tout tous toute toutes bien mieux bon bonne
  page carrières lien mail courriel email gestion utilisation sommes-nous recrute recrutons personnes
  quelques lignes mutuelle depuis grâce parmi pendant lorsque afin auprès notamment environ près
  particulier chacun hello merci top`.split(/\s+/),
);

const GENERIC_EN = new Set(
  `job jobs role roles position candidate candidates application applications apply cv resume cover letter
  experience experiences skill skills requirement requirements required preferred qualification qualifications
  salary per annum year years month months week weeks day days hours full time part permanent contract
  holiday holidays leave office hybrid remote team teams company join send email please ability able
  knowledge good great strong excellent including include new first within work working works will
  you your we our us they their need needs nice have has get make look looking also well help
  one two three four five six nine ten thousand million every each per plus bonus people use used
  provide provides hey hello via like whenever anything something things`.split(/\s+/),
);

interface Candidate {
  term: string;
  kind: 'word' | 'phrase';
  weight: number;
  count: number;
  start: number;
  end: number;
  singleOk: boolean;
}

/** Sections where the company describes itself (weighted ×2 because that is its culture talking). */
const ABOUT_HEADINGS =
  /^(?:qui sommes-nous|à propos|about us|about the company|who we are|pourquoi nous rejoindre|why join|nos valeurs|our values|what we care about|ce qu['’]on t['’]offre|ce que nous proposons)/iu;

/** Ranks the offer's distinctive words and phrases (most distinctive first). */
export function extractVocabulary(texts: string[], language: Language, limit = 20): VocabularyTerm[] {
  const stem = createStemmer(language);
  const words = new Map<string, Candidate>();
  const phrases = new Map<string, Candidate>();
  // Addresses are not vocabulary: blank e-mails and URLs out, keeping offsets.
  const cleaned = texts.map((raw) =>
    raw.replace(/\S+@\S+|https?:\/\/\S+|www\.\S+/g, (m) => ' '.repeat(m.length)),
  );
  const tokenized = cleaned.map((text) => tokenizeWithOffsets(text));
  const lowerSeen = new Set<string>();
  for (const tokens of tokenized) for (const t of tokens) if (t.text === t.lower) lowerSeen.add(t.lower);

  cleaned.forEach((text, textIndex) => {
    const sentences = splitSentences(text);
    const aboutWeights = sectionWeights(sentences);
    const groups = tokensBySentence(sentences, tokenized[textIndex]!);
    sentences.forEach((sentence, index) => {
      const w = aboutWeights[index] ?? 1;
      const tokens = groups[index]!;
      const content = tokens.map((t) => isContent(t, language, lowerSeen));
      tokens.forEach((t, i) => {
        if (!content[i]) return;
        add(words, stem(t.lower), t.lower, 'word', w, t);
      });
      // Phrases: two content words, or content + de/du/des/d'/of + content ("qualité des données").
      for (let i = 0; i < tokens.length - 1; i++) {
        const a = tokens[i]!;
        if (!content[i]) continue;
        const b = tokens[i + 1]!;
        if (content[i + 1] && adjacent(sentence.text, sentence.start, a, b)) {
          const term = text.slice(a.start, b.end).toLowerCase();
          // Without part-of-speech tags a two-word run is often noun + verb: it must recur to count.
          add(phrases, `${stem(a.lower)} ${stem(b.lower)}`, term, 'phrase', w, a, b.end, 0);
        } else if (isLink(b.lower, language) && i + 2 < tokens.length && content[i + 2]) {
          const c = tokens[i + 2]!;
          if (c.start - a.end > 8) continue;
          const term = text.slice(a.start, c.end).toLowerCase();
          add(phrases, `${stem(a.lower)} ${stem(c.lower)}`, term, 'phrase', w, a, c.end);
        }
      }
    });
  });

  const ranked: VocabularyTerm[] = [];
  for (const c of words.values()) {
    const lengthBonus = 1 + 0.1 * Math.min(6, Math.max(0, c.term.length - 4));
    ranked.push(toTerm(c, c.weight * lengthBonus));
  }
  for (const c of phrases.values()) {
    // A phrase is distinctive only when it recurs or sits in the company's self-description.
    if (c.count < 2 && (c.weight < 2 || !c.singleOk)) continue;
    ranked.push(toTerm(c, c.weight * 1.6));
  }
  ranked.sort((a, b) => b.score - a.score || a.start - b.start);
  // Drop a word already covered by a higher-ranked phrase, to avoid saying the same thing twice.
  const out: VocabularyTerm[] = [];
  for (const t of ranked) {
    if (
      t.kind === 'word' &&
      out.some((p) => p.kind === 'phrase' && p.term.split(/[\s'’-]+/).includes(t.term))
    )
      continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}

function toTerm(c: Candidate, score: number): VocabularyTerm {
  return {
    term: c.term,
    kind: c.kind,
    count: c.count,
    score: Math.round(score * 100) / 100,
    start: c.start,
    end: c.end,
  };
}

function add(
  map: Map<string, Candidate>,
  key: string,
  term: string,
  kind: Candidate['kind'],
  weight: number,
  first: Token,
  end = first.end,
  /** 1 when one occurrence suffices, 0 when the term must recur to be kept. */
  singleOk = 1,
): void {
  const c = map.get(key);
  if (c) {
    c.weight += weight;
    c.count += 1;
    return;
  }
  map.set(key, { term, kind, weight, count: 1, start: first.start, end, singleOk: singleOk === 1 });
}

function isContent(t: Token, language: Language, lowerSeen: Set<string>): boolean {
  if (t.lower.length < 3 || /\d/.test(t.lower)) return false;
  if (isStopWord(t.lower, language)) return false;
  if ((language === 'fr' ? GENERIC_FR : GENERIC_EN).has(t.lower)) return false;
  // Conjugated "vous"/"nous" forms are verbs of the advert, not vocabulary ("fiabilisez", "cherchons").
  if (language === 'fr' && /(?:ez|(?<!i)ons)$/.test(t.lower)) return false;
  // Proper nouns and acronyms (never written in lower case in the offer): company, tools, places.
  if (t.text !== t.lower && !lowerSeen.has(t.lower)) return false;
  return true;
}

function isLink(lower: string, language: Language): boolean {
  return language === 'fr' ? ['de', 'du', 'des', 'd'].includes(lower) : lower === 'of';
}

function adjacent(sentenceText: string, sentenceStart: number, a: Token, b: Token): boolean {
  const between = sentenceText.slice(a.end - sentenceStart, b.start - sentenceStart);
  return /^[\s-]{1,2}$/.test(between);
}

/** Weight 2 for sentences under an "about us" / values heading and for the opening paragraph. */
function sectionWeights(sentences: Span[]): number[] {
  const weights: number[] = [];
  let inAbout = false;
  sentences.forEach((s, i) => {
    const isHeading = s.text.length < 60 && !/[.!?]$/.test(s.text);
    if (isHeading) inAbout = ABOUT_HEADINGS.test(s.text.replace(/^\P{L}+/u, ''));
    weights.push(inAbout || (i > 0 && i < 4 && !isHeading && s.text.length > 80) ? 2 : 1);
  });
  return weights;
}
