/**
 * Register detection: formality, address and sector from weighted lexical signals. Each signal
 * is a regex with a weight and a cap on how many occurrences count, so that one repeated word
 * cannot outvote several independent clues; every match is kept as evidence.
 */
import type { Language } from '../profile/schemas';
import type { Address, Evidence, Formality, Register, Sector } from './schemas';
import {
  buildWordRegex,
  E,
  EMOJI_RE,
  splitSentences,
  tokenizeWithOffsets,
  tokensBySentence,
} from './text-helpers';

interface Signal {
  re: RegExp;
  weight: number;
  /** How many occurrences count at most. */
  cap: number;
  label: string;
  /** The character before the match must not be a letter or digit (checked outside the regex). */
  leftBounded?: boolean;
  /** Extra check on the text around a match (used where a regex lookbehind would be slow). */
  accept?: (text: string, index: number) => boolean;
  /** Number-aware signals decide their weight from the match (company size). */
  weigh?: (match: RegExpMatchArray) => number;
}

const s = (source: string, weight: number, label: string, cap = 2, caseSensitive = false): Signal => ({
  // No leading lookbehind: it defeats V8's first-character scan (6× slower on long alternations);
  // the left word boundary is checked after the match instead.
  re: buildWordRegex(`(?:${source})${E}`, caseSensitive),
  leftBounded: true,
  weight,
  cap,
  label,
});

// ---- address (French only; English is always "you") ----
const TU: Signal[] = [
  s('tu', 3, 'tutoiement « tu »', 4),
  s('toi|te', 2, 'tutoiement « toi/te »', 3),
  s('ton|ta|tes', 1.5, 'tutoiement « ton/ta/tes »', 3),
  { re: /(?<![\p{L}\p{N}])[tT]['’](?=\p{L})/gu, weight: 2, cap: 3, label: 'tutoiement « t’ »' },
  s('on se tutoie|tutoiement|tutoyer', 5, 'tutoiement annoncé', 1),
  // 2nd person singular imperative before -nous: "Écris-nous", "Rejoins-nous" ("Rejoignez-nous" ends in z);
  // "sommes-nous", "pouvons-nous" are questions, not imperatives.
  {
    re: /s-nous(?![\p{L}\p{N}])/giu,
    weight: 2,
    cap: 2,
    label: 'impératif à la 2e personne',
    accept: (text, index) =>
      /\p{L}$/u.test(text.slice(index - 1, index)) && !/(?:on|mme)$/i.test(text.slice(index - 3, index)),
  },
];
const VOUS: Signal[] = [
  s('vous', 1, 'vouvoiement « vous »', 6),
  s('votre|vos', 0.5, 'vouvoiement « votre/vos »', 4),
];

// ---- formality ----
const EMOJI: Signal = { re: EMOJI_RE, weight: 2, cap: 3, label: 'emoji' };
const EXCLAIM: Signal = { re: /!+/g, weight: 0.5, cap: 4, label: "point d'exclamation" };

const INFORMAL_FR: Signal[] = [
  EMOJI,
  EXCLAIM,
  {
    re: /^\s*(?:hello|salut|coucou|hey|bonjour à toi)\b/gimu,
    weight: 2,
    cap: 1,
    label: 'salutation familière',
  },
  s("on (?:est|a|construit|cherche|recrute|adore|se|fait|vous|t['’])", 1, '« on » comme sujet', 3),
  s(
    "top|super|cool|kiff\\p{L}*|pas besoin|squad|boîte|appli|la team|envie d['’]en être|chez nous",
    1,
    'vocabulaire familier',
    3,
  ),
];
const FORMAL_FR: Signal[] = [
  s(
    "rattaché\\(e\\)|rattachée?|sous la responsabilité|sous l['’]autorité|au sein d[eu]",
    1.5,
    'rattachement hiérarchique',
    2,
  ),
  s('madame|monsieur', 1.5, 'civilité', 2),
  s('nous recherchons|nous recrutons', 1, 'formule de recrutement', 1),
  s("vous justifiez|vous êtes titulaire|titulaire d[eu'’]|de formation", 1, 'exigences formulées au vous', 2),
  s("merci d['’]adresser|veuillez|sont à adresser|candidatures?", 1, 'formule administrative', 2),
  s('référence|statut cadre|profil recherché', 1, 'rubrique conventionnelle', 2),
  s('H/F|F/H', 1, 'mention H/F', 1, true),
];
const INFORMAL_EN: Signal[] = [
  EMOJI,
  EXCLAIM,
  { re: /^\s*(?:hey|hi|hello|hiya)\b/gimu, weight: 2, cap: 1, label: 'casual greeting' },
  s(
    "(?:we|you|they|i|it|that|there|here|what|who|let)['’](?:re|ll|ve|d|m|s)|\\p{L}+n['’]t",
    1,
    'contraction',
    6,
  ),
  s(
    'awesome|weird|tiny team|folks|stuff|vibe|boring-but-important|sound like you|bonus points',
    1.5,
    'casual wording',
    3,
  ),
];
const FORMAL_EN: Signal[] = [
  s('you will', 1, '"you will" (no contraction)', 4),
  s(
    'essential|desirable|person specification|key responsibilities|essential requirements',
    1.5,
    'formal rubric',
    2,
  ),
  s(
    'requisition id|reference|job title|closing date|grade \\d+|directorate',
    1.5,
    'labelled header field',
    2,
  ),
  s(
    'equal opportunit(?:y|ies) employer|we are committed to|the successful candidate',
    2,
    'formal statement',
    2,
  ),
  s(
    'applications must|please use your supporting statement|will not be accepted',
    1.5,
    'formal instruction',
    2,
  ),
];

// ---- sector ----
const sizeSignal = (re: RegExp, label: string): Signal => ({
  re,
  weight: 0,
  cap: 2,
  label,
  weigh: (m) => {
    const n = Number((m[1] ?? '').replace(/\D/g, ''));
    if (n >= 1000) return 3;
    if (n >= 100) return 1.5;
    return 0;
  },
});

const SECTOR_SIGNALS: Record<Sector, Signal[]> = {
  startup: [
    s('start-?ups?|scale-?ups?', 3, 'start-up / scale-up'),
    s(
      'levée de fonds|(?:on a|avons|a) levé|lev[ée]e? \\d|raised \\$?£?€?\\d|fundraising',
      3,
      'levée de fonds',
    ),
    s('BSPCE|equity|stock options|share options', 2.5, 'intéressement au capital (BSPCE / equity)', 1),
    s('series [abc]|série [abc]|seed round|pre-seed', 3, 'tour de financement', 1),
    s(
      '(?:health|fin|ed|legal|green|prop|deep|med|food|hr|ad|insur|clean|agri|civic|bio)-?tech|licorne|unicorn',
      2,
      'secteur « tech »',
      1,
    ),
    s(
      'squads?|tribes?|full remote|tiny team|small team|petite équipe|on est \\d+',
      1.5,
      'organisation start-up',
      2,
    ),
  ],
  corporate: [
    sizeSignal(
      /(?<![\p{L}\p{N}])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})*|\d+)\s+(?:collaborateur(?:·rice)?s|salarié(?:·e)?s|employés|personnes|colleagues|employees|people|staff)(?![\p{L}])/giu,
      'taille de l’entreprise',
    ),
    s('entreprise familiale|family[- ]owned|family business|PME|ETI|groupe|group', 1.5, 'entreprise établie'),
    s('plc|ltd|limited|inc|SAS|SARL|SA|GmbH', 3, 'forme sociale', 1, true),
    s(
      'acteur majeur|leader|leading|global provider|\\d+ (?:pays|countries)|\\d+ offices|grande distribution',
      1.5,
      'acteur établi',
    ),
    s('depuis 1[89]\\d\\d|since 1[89]\\d\\d|founded in 1[89]\\d\\d|éditeur', 1.5, 'entreprise installée'),
    s(
      'intéressement|participation|comité social et économique|CSE|statut cadre|share purchase plan|bonus',
      1,
      'avantages de grande entreprise',
    ),
    s('référence|requisition id|equal opportunity employer', 1, 'processus RH structuré', 1),
  ],
  public: [
    s('catégorie [ABC]', 4, 'catégorie de la fonction publique'),
    s(
      "fonction publique|cadre d['’]emplois|rédacteurs? territoria\\p{L}*",
      4,
      'statut de la fonction publique',
    ),
    s('statutaires?|titulaire de la fonction publique', 3, 'emploi statutaire'),
    s(
      "territoria\\p{L}+|contractuel(?:le)?|mutation|détachement|liste d['’]aptitude|RIFSEEP|CNAS",
      2,
      'vocabulaire statutaire',
    ),
    s(
      "collectivités?|communauté d['’]agglomération|communauté de communes|mairie|conseil départemental|conseil régional|préfecture|préfet",
      4,
      'collectivité / administration territoriale',
    ),
    s(
      'monsieur le président|madame la présidente|monsieur le maire|madame la maire',
      3,
      'autorité territoriale',
    ),
    s('agents', 1, 'agents publics', 3),
    s(
      "service public|services? statistiques? publics?|ministères?|ministériels?|l['’]état|établissement public|administrations?",
      3,
      'administration',
    ),
    s(
      "agence nationale|institut national|centre national|office national|haute autorité|autorité publique|autorité administrative|cour de cassation|cour des comptes|conseil d['’]état|tribunal",
      3,
      'institution publique',
    ),
    s(
      'acteurs? publics?|politiques? publiques?|action publique|intérêt général|EIG|sapeurs-pompiers|gendarmerie|police nationale|Insee|Etalab|gouv\\.fr',
      2.5,
      'action publique',
    ),
    s(
      '(?:borough|county|city|district|parish|town) council|local government|local authority|civil service|public sector|nhs trust',
      4,
      'public body (UK)',
    ),
    s(
      "the council|council['’]s|residents|pension scheme|disability confident|government department|department for|ministry",
      2,
      'public-sector wording',
    ),
  ],
  associative: [
    s('associations?|associati\\p{L}+', 3, 'association'),
    s(
      'loi (?:de )?1901|économie sociale et solidaire|à but non lucratif|non[- ]profit|not[- ]for[- ]profit|charity|charitable|community interest company',
      4,
      'statut non lucratif',
    ),
    s('ESS|SCOP|SCIC|CIC', 4, 'ESS / coopérative', 1, true),
    s(
      "chantiers? d['’]insertion|ateliers et chantiers|structure d['’]insertion|entreprise sociale|social enterprise",
      3,
      "structure d'insertion",
    ),
    s(
      'bénévoles?|bénévolat|volunteers?|mécénat|donateurs|donors|financeurs|funders|fondation|foundation',
      1.5,
      'modèle associatif',
    ),
    s('solidarité|solidaire|gouvernance participative|utilité sociale', 1, 'valeurs associatives'),
  ],
};

/** Applies signals to a text and returns weighted evidence. */
function collect(
  signals: Signal[],
  text: string,
  supports: string,
  source: Evidence['source'],
  scale = 1,
): Evidence[] {
  const out: Evidence[] = [];
  for (const sig of signals) {
    let n = 0;
    for (const m of text.matchAll(sig.re)) {
      if (sig.leftBounded && WORD_CHAR.test(text.charAt((m.index ?? 0) - 1))) continue;
      if (sig.accept && !sig.accept(text, m.index ?? 0)) continue;
      const weight = (sig.weigh ? sig.weigh(m) : sig.weight) * scale;
      if (weight <= 0) continue;
      const start = m.index ?? 0;
      out.push({ text: m[0], start, end: start + m[0].length, signal: sig.label, supports, weight, source });
      if (++n >= sig.cap) break;
    }
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

const sum = (ev: Evidence[]): number => ev.reduce((a, e) => a + e.weight, 0);

/** Confidence = share of the winning side, tempered towards 0.5 when the evidence is thin. */
function confidenceOf(win: number, total: number, minEvidence = 4): number {
  if (total <= 0) return 0.5;
  const share = win / total;
  const strength = Math.min(1, total / minEvidence);
  return round2(0.5 + (share - 0.5) * strength);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Texts {
  offerText: string;
  companyPageText?: string | undefined;
}

function collectBoth(signals: Signal[], texts: Texts, supports: string): Evidence[] {
  const ev = collect(signals, texts.offerText, supports, 'offer');
  // The company page speaks about the company in general: useful for sector, weaker for the offer's tone.
  if (texts.companyPageText)
    ev.push(...collect(signals, texts.companyPageText, supports, 'companyPage', 0.5));
  return ev;
}

/** Detects the offer's formality, address and sector with confidence and evidence. */
export function detectRegister(texts: Texts, language: Language): Register {
  const address = detectAddress(texts, language);
  const formality = detectFormality(texts, language, address.value === 'tu' ? address.evidence : []);
  const sector = detectSector(texts, address.value === 'tu' || formality.value === 'informal');
  return { formality, address, sector };
}

function detectAddress(texts: Texts, language: Language): Register['address'] {
  if (language === 'en') {
    const ev = collect([s('you|your', 1, 'second person "you"', 3)], texts.offerText, 'you', 'offer');
    return { value: 'you', confidence: 1, scores: { you: sum(ev) }, evidence: ev };
  }
  const tu = collectBoth(TU, texts, 'tu');
  const vous = collectBoth(VOUS, texts, 'vous');
  const tuScore = sum(tu);
  const vousScore = sum(vous);
  // French offers default to vous: tutoiement must be clear and at least as present as vous.
  const value: Address = tuScore >= 3 && tuScore >= vousScore ? 'tu' : 'vous';
  const win = value === 'tu' ? tuScore : vousScore;
  const evidence = (value === 'tu' ? tu : vous).concat(value === 'tu' ? vous : tu).slice(0, 12);
  const confidence = tuScore + vousScore === 0 ? 0.6 : confidenceOf(win, tuScore + vousScore);
  return { value, confidence, scores: { tu: round2(tuScore), vous: round2(vousScore) }, evidence };
}

function detectFormality(texts: Texts, language: Language, tuEvidence: Evidence[]): Register['formality'] {
  const informal = collectBoth(language === 'fr' ? INFORMAL_FR : INFORMAL_EN, texts, 'informal');
  const formal = collectBoth(language === 'fr' ? FORMAL_FR : FORMAL_EN, texts, 'formal');
  if (tuEvidence.length > 0) {
    const first = tuEvidence[0]!;
    // Tutoiement is the strongest single clue of an informal French register.
    informal.push({ ...first, signal: 'tutoiement', supports: 'informal', weight: 4 });
  }
  // Long sentences read formal: add a clue from the mean sentence length of the offer.
  const all = splitSentences(texts.offerText);
  const groups = tokensBySentence(all, tokenizeWithOffsets(texts.offerText));
  const sentences = all.map((x, i) => ({ ...x, words: groups[i]!.length })).filter((x) => x.words >= 6);
  if (sentences.length > 0) {
    const mean = sentences.reduce((a, x) => a + x.words, 0) / sentences.length;
    const longest = sentences.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    if (mean >= 20) {
      formal.push({
        text: longest.text.slice(0, 120),
        start: longest.start,
        end: longest.start + Math.min(120, longest.text.length),
        signal: `longues phrases (moyenne ${Math.round(mean)} mots)`,
        supports: 'formal',
        weight: 1,
        source: 'offer',
      });
    }
  }
  const fi = sum(informal);
  const ff = sum(formal);
  // Informal needs real evidence (a stray "super" in a formal text is not a register).
  const value: Formality = fi > ff && fi >= 3 ? 'informal' : 'formal';
  const evidence = (value === 'formal' ? formal : informal).concat(value === 'formal' ? informal : formal);
  return {
    value,
    confidence: fi + ff === 0 ? 0.55 : confidenceOf(value === 'formal' ? ff : fi, fi + ff),
    scores: { formal: round2(ff), informal: round2(fi) },
    evidence: evidence.slice(0, 12),
  };
}

function detectSector(texts: Texts, casual: boolean): Register['sector'] {
  const all: Evidence[] = [];
  const scores: Record<Sector, number> = { startup: 0, corporate: 0, public: 0, associative: 0 };
  for (const sector of Object.keys(SECTOR_SIGNALS) as Sector[]) {
    const ev = collectBoth(SECTOR_SIGNALS[sector], texts, sector);
    scores[sector] = sum(ev);
    all.push(...ev);
  }
  // A casual register hints at a start-up; a plain private employer is the default otherwise.
  if (casual) scores.startup += 1;
  scores.corporate += 1;
  const ranked = (Object.entries(scores) as [Sector, number][]).sort((a, b) => b[1] - a[1]);
  const [value, top] = ranked[0]!;
  const total = ranked.reduce((a, [, v]) => a + v, 0);
  // The strongest clues first, those for the chosen value before the others.
  const byWeight = (a: Evidence, b: Evidence) => b.weight - a.weight || a.start - b.start;
  const evidence = all
    .filter((e) => e.supports === value)
    .sort(byWeight)
    .concat(all.filter((e) => e.supports !== value).sort(byWeight));
  return {
    value,
    confidence: confidenceOf(top, total, 6),
    scores: Object.fromEntries(ranked.map(([k, v]) => [k, round2(v)])),
    evidence: evidence.slice(0, 12),
  };
}
