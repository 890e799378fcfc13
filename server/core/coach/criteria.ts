/**
 * The content criteria of the coach: structure, personalisation, proof, clarity, career-change
 * narrative and tone fit. Each returns a 0–10 score (null when it cannot be judged), a one-line
 * summary and located findings. Scores are additive point grids so that a user can see what
 * earns or costs points (documented in docs/mirror-and-coach.md).
 */
import type { Tone } from '../letter/options';
import type { MirrorReport } from '../mirror/schemas';
import {
  EMOJI_RE,
  findSentenceAt,
  type Span,
  splitParagraphs,
  splitSentences,
  tokenizeWithOffsets,
} from '../mirror/text-helpers';
import type { Language } from '../profile/schemas';
import type { LetterParts } from './conventions';
import type { CriterionId, Finding } from './schemas';

/** A criterion's result before assembly. */
export interface CriterionResult {
  score: number | null;
  summary: string;
  findings: Finding[];
}

/** Shared context for the criteria. */
export interface LetterContext {
  text: string;
  language: Language;
  parts: LetterParts;
  /** Sentences of the body, with offsets in the whole letter. */
  sentences: Span[];
  paragraphs: Span[];
}

/** Builds the shared context (body sentences and paragraphs with absolute offsets). */
export function buildContext(text: string, language: Language, parts: LetterParts): LetterContext {
  const shift = (s: Span): Span => ({
    ...s,
    start: s.start + parts.body.start,
    end: s.end + parts.body.start,
  });
  return {
    text,
    language,
    parts,
    sentences: splitSentences(parts.body.text).map(shift),
    paragraphs: splitParagraphs(parts.body.text).map(shift),
  };
}

const clamp = (x: number): number => Math.round(Math.max(0, Math.min(10, x)) * 10) / 10;

function finding(
  criterion: CriterionId,
  code: string,
  severity: Finding['severity'],
  message: string,
  suggestion: string,
  ctx: LetterContext,
  excerpt: Span | null = null,
): Finding {
  const sentence = excerpt ? (findSentenceAt(splitSentences(ctx.text), excerpt.start) ?? excerpt) : null;
  return { criterion, code, severity, message, suggestion, sentence, excerpt };
}

/** Finds the first match of a regex in the body, as a span of the whole letter. */
function firstMatch(ctx: LetterContext, re: RegExp): Span | null {
  re.lastIndex = 0;
  const m = re.exec(ctx.parts.body.text);
  if (!m) return null;
  const start = ctx.parts.body.start + m.index;
  return { text: m[0], start, end: start + m[0].length };
}

function allMatches(ctx: LetterContext, re: RegExp): Span[] {
  return [...ctx.parts.body.text.matchAll(re)].map((m) => {
    const start = ctx.parts.body.start + (m.index ?? 0);
    return { text: m[0], start, end: start + m[0].length };
  });
}

const W = (s: string, flags = 'giu') => new RegExp(`(?<![\\p{L}])(?:${s})(?![\\p{L}])`, flags);

// ---------- structure ----------
const CALL_TO_ACTION = {
  fr: W(
    'entretien|rencontrer|rencontre|échanger|échange|vous présenter|en parler|en discuter|disponible pour',
  ),
  en: W('interview|meet|discuss|conversation|talk|call|hear from you'),
};

/** Salutation, 3–5 body paragraphs, a closing call to action, a formula and a signature. */
export function scoreStructure(ctx: LetterContext): CriterionResult {
  const fr = ctx.language === 'fr';
  const findings: Finding[] = [];
  let score = 0;
  if (ctx.parts.salutation) score += 2;
  if (ctx.parts.closing) score += 2;
  const n = ctx.paragraphs.length;
  if (n >= 3 && n <= 5) score += 3;
  else if (n === 2 || n === 6) score += 2;
  else if (n > 6) score += 1;
  if (n < 3) {
    findings.push(
      finding(
        'structure',
        'few_paragraphs',
        'warning',
        fr ? `Le corps tient en ${n} paragraphe(s).` : `The body has ${n} paragraph(s).`,
        fr
          ? "Trois blocs : pourquoi cette entreprise et ce poste ; vos preuves (ancien métier → nouveau) ; la demande d'entretien."
          : 'Three blocks: why this employer and role; your proof (old job → new one); the request for an interview.',
        ctx,
      ),
    );
  } else if (n > 6) {
    findings.push(
      finding(
        'structure',
        'many_paragraphs',
        'info',
        fr
          ? `${n} paragraphes : la lettre paraît morcelée.`
          : `${n} paragraphs: the letter feels fragmented.`,
        fr ? 'Regroupez en trois ou quatre blocs.' : 'Group into three or four blocks.',
        ctx,
      ),
    );
  }
  const last = ctx.paragraphs[ctx.paragraphs.length - 1];
  const cta = last ? CALL_TO_ACTION[ctx.language].test(last.text) : false;
  CALL_TO_ACTION[ctx.language].lastIndex = 0;
  if (cta) score += 2;
  else {
    findings.push(
      finding(
        'structure',
        'no_call_to_action',
        'warning',
        fr
          ? "Le dernier paragraphe ne demande pas d'entretien."
          : 'The last paragraph does not ask for an interview.',
        fr
          ? "« Je serais heureux(se) de vous exposer ma démarche lors d'un entretien. »"
          : '"I would welcome the chance to discuss this with you at interview."',
        ctx,
        last ?? null,
      ),
    );
  }
  // A signature: a short last line after the closing.
  const tail = ctx.text.trimEnd().split('\n').pop() ?? '';
  if (tail.trim().length > 0 && tail.trim().length < 50 && !/[.!?]$/.test(tail.trim())) score += 1;
  return {
    score: clamp(score),
    summary: fr
      ? `${n} paragraphe(s), ${ctx.parts.salutation ? 'appel' : 'sans appel'}, ${ctx.parts.closing ? 'formule finale' : 'sans formule finale'}${cta ? ", demande d'entretien" : ''}.`
      : `${n} paragraph(s), ${ctx.parts.salutation ? 'salutation' : 'no salutation'}, ${ctx.parts.closing ? 'sign-off' : 'no sign-off'}${cta ? ', asks for an interview' : ''}.`,
    findings,
  };
}

// ---------- personalisation ----------
/** Company named (4), job title echoed (2), the offer's own words and values reused (up to 4). */
export function scorePersonalisation(
  ctx: LetterContext,
  company: string | null,
  title: string | null,
  mirror: MirrorReport | null,
): CriterionResult {
  const fr = ctx.language === 'fr';
  if (!mirror) {
    return {
      score: null,
      summary: fr
        ? "Sans l'offre, la personnalisation n'est pas évaluée."
        : 'Without the offer, personalisation is not scored.',
      findings: [],
    };
  }
  const findings: Finding[] = [];
  let score = 0;
  const folded = fold(ctx.text);
  if (company && folded.includes(fold(company))) score += 4;
  else if (company) {
    findings.push(
      finding(
        'personalisation',
        'company_not_named',
        'warning',
        fr ? `L'entreprise (${company}) n'est jamais nommée.` : `The employer (${company}) is never named.`,
        fr
          ? `Nommez ${company} et ce qui vous attire chez elle (produit, public, valeur).`
          : `Name ${company} and what draws you to it (product, users, a value).`,
        ctx,
      ),
    );
  }
  if (title) {
    const words = tokenizeWithOffsets(title).filter(
      (t) => t.lower.length > 2 && !/^(?:h|f|x|junior|senior)$/.test(t.lower),
    );
    const hit = words.filter((w) => folded.includes(fold(w.text))).length;
    if (words.length > 0 && hit / words.length >= 0.5) score += 2;
    else
      findings.push(
        finding(
          'personalisation',
          'title_not_named',
          'info',
          fr ? `L'intitulé du poste (${title}) n'apparaît pas.` : `The job title (${title}) does not appear.`,
          fr
            ? "Reprenez l'intitulé exact dans l'objet et la première phrase."
            : 'Use the exact title in your first sentence.',
          ctx,
        ),
      );
  } else score += 1;
  const alignment = mirror.alignment.letter;
  const mirrorScore = alignment ? alignment.score : 0;
  score += Math.min(4, (mirrorScore / 100) * 8);
  if (
    alignment &&
    alignment.valuesAbsent.length > 0 &&
    alignment.valuesFound.length === 0 &&
    mirror.values.length > 0
  ) {
    findings.push(
      finding(
        'personalisation',
        'values_not_echoed',
        'info',
        fr
          ? `Aucune des valeurs affichées (${mirror.values.map((v) => v.value).join(', ')}) n'est reprise.`
          : `None of the stated values (${mirror.values.map((v) => v.value).join(', ')}) is echoed.`,
        fr
          ? 'Reliez une valeur à un fait de votre parcours, sans la réciter.'
          : 'Tie one value to a fact from your past, rather than reciting it.',
        ctx,
      ),
    );
  }
  return {
    score: clamp(score),
    summary: fr
      ? `Entreprise ${company && folded.includes(fold(company)) ? 'nommée' : 'non nommée'}, ${mirrorScore}/100 des mots et valeurs de l'offre repris.`
      : `Employer ${company && folded.includes(fold(company)) ? 'named' : 'not named'}, ${mirrorScore}/100 of the offer's words and values echoed.`,
    findings,
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// ---------- proof ----------
const FIGURE =
  /(?<![\p{L}\p{N}])\d+(?:[ \u00a0.,]\d{3})*(?:[.,]\d+)?\s*(?:%|k€|€|£|\+)?|(?<![\p{L}])(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent|mille|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|hundred|thousand)(?![\p{L}])/giu;
const ACTION = {
  fr: W(
    "j['’]ai (?:\\p{L}+ )?(?:conçu|mené|géré|créé|développé|formé|encadré|réduit|augmenté|automatisé|piloté|organisé|accompagné|obtenu|lancé|mis en place|construit|analysé|nettoyé|écrit|restitué|coordonné|rédigé|animé|tutoré|vendu|négocié|audité|testé|résolu|traité|suivi)",
  ),
  en: W(
    'I (?:\\p{L}+ )?(?:built|led|managed|created|developed|trained|reduced|increased|automated|organised|organized|launched|designed|delivered|ran|run|analysed|analyzed|supported|handled|resolved|wrote|written|tested|reported|logged|coordinated|sold|negotiated|taught|cut|improved|check|checked)',
  ),
};

/** Sentences with a figure (2.5 each) and first-person achievements (1.5 each), up to 10. */
export function scoreProof(ctx: LetterContext): CriterionResult {
  const fr = ctx.language === 'fr';
  const withFigure = ctx.sentences.filter((s) => {
    FIGURE.lastIndex = 0;
    return FIGURE.test(s.text);
  });
  const actions = allMatches(ctx, ACTION[ctx.language]);
  const score = clamp(2.5 * Math.min(3, withFigure.length) + 1.5 * Math.min(4, actions.length));
  const findings: Finding[] = [];
  if (withFigure.length === 0) {
    findings.push(
      finding(
        'proof',
        'no_figures',
        'warning',
        fr
          ? 'Aucun chiffre : la lettre affirme sans prouver.'
          : 'No figures: the letter asserts without proving.',
        fr
          ? 'Ajoutez deux faits chiffrés tirés du CV (volumes, durées, résultats), ex. « 2 millions de lignes analysées ».'
          : 'Add two quantified facts from your CV (volumes, durations, results), e.g. "150 test cases written".',
        ctx,
      ),
    );
  }
  if (actions.length === 0) {
    findings.push(
      finding(
        'proof',
        'no_achievements',
        'warning',
        fr
          ? "Aucune réalisation à la première personne (« j'ai mené… »)."
          : 'No first-person achievement ("I built…").',
        fr
          ? 'Racontez une action précise : verbe au passé composé, objet, résultat.'
          : 'Tell one precise action: verb, object, result.',
        ctx,
      ),
    );
  }
  return {
    score,
    summary: fr
      ? `${withFigure.length} phrase(s) chiffrée(s), ${actions.length} réalisation(s) à la première personne.`
      : `${withFigure.length} sentence(s) with figures, ${actions.length} first-person achievement(s).`,
    findings,
  };
}

// ---------- clarity ----------
/** Mean sentence length and very long sentences; repetitive sentence openings. */
export function scoreClarity(ctx: LetterContext): CriterionResult {
  const fr = ctx.language === 'fr';
  const limit = fr ? 35 : 30;
  const findings: Finding[] = [];
  const lengths = ctx.sentences.map((s) => tokenizeWithOffsets(s.text).length);
  const mean = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
  let score = 10;
  ctx.sentences.forEach((s, i) => {
    const n = lengths[i]!;
    if (n <= limit) return;
    score -= 1.5;
    findings.push({
      criterion: 'clarity',
      code: 'long_sentence',
      severity: 'warning',
      message: fr ? `Phrase de ${n} mots.` : `Sentence of ${n} words.`,
      sentence: s,
      excerpt: s,
      suggestion: fr
        ? 'Coupez en deux phrases : une idée, une preuve. Visez 15 à 25 mots.'
        : 'Split it in two: one idea, one proof. Aim for 15 to 25 words.',
    });
  });
  score -= Math.max(0, mean - 22) * 0.3;
  const openers = ctx.sentences.map((s) => tokenizeWithOffsets(s.text)[0]?.lower ?? '');
  const selfStart = openers.filter((o) => (fr ? o === 'je' || o === 'j' : o === 'i')).length;
  if (ctx.sentences.length >= 5 && selfStart / ctx.sentences.length > 0.5) {
    score -= 1.5;
    findings.push(
      finding(
        'clarity',
        'self_centred_openings',
        'info',
        fr
          ? `${selfStart} phrases sur ${ctx.sentences.length} commencent par « Je ».`
          : `${selfStart} of ${ctx.sentences.length} sentences start with "I".`,
        fr
          ? "Variez : partez du besoin de l'entreprise, d'un fait ou d'un complément (« À l'hôpital, j'ai… »)."
          : 'Vary: start from the employer\'s need, a fact or a context ("On the ward, I…").',
        ctx,
      ),
    );
  }
  return {
    score: clamp(score),
    summary: fr
      ? `${ctx.sentences.length} phrases, ${Math.round(mean)} mots en moyenne.`
      : `${ctx.sentences.length} sentences, ${Math.round(mean)} words on average.`,
    findings,
  };
}

// ---------- career change ----------
const CHANGE = {
  fr: W(
    "reconversion|me reconvertir|reconverti(?:e)?|changement de (?:carrière|métier|voie)|nouvelle carrière|transition professionnelle|après \\d+ ans|(?:pendant|durant) (?:\\d+|dix|huit|neuf|sept|six|cinq|quinze|douze) ans|mon ancien métier|ancien(?:ne)? \\p{L}+|ex-\\p{L}+|j['’]ai quitté|je me (?:suis )?formée?|parcours atypique|double compétence",
  ),
  en: W(
    'career change|changing careers?|career switch|switch(?:ed|ing)? (?:to|into)|transition(?:ed|ing)? (?:to|into|from)|for (?:\\d+|ten|eight|nine|seven|six|five|fifteen|twelve) years|after (?:\\d+|ten|eight|nine|seven|six|five) years|former \\p{L}+|moved (?:from|into)|retrain(?:ed|ing)?|new career',
  ),
};
const ASSET = {
  fr: W(
    "transférables?|atout|m['’]a appris|m['’]ont appris|j['’]y ai appris|m['’]a (?:donné|permis)|regard (?:neuf|différent)|double compétence|je mets à profit|directement utile|me sert|m['’]aidera|est un atout|sont un atout|apporte(?:r|rai)?",
  ),
  en: W(
    'transferable|transfer directly|asset|taught me|gave me|I bring|I would bring|bring to|fresh perspective|carry over|translates? into|directly relevant|same habits|habits that',
  ),
};
const MOTIVE = {
  fr: W(
    "parce que|c['’]est pourquoi|ce qui m['’]attire|m['’]attire|me motive|j['’]ai choisi|pourquoi|c['’]est en|ce qui m['’]a (?:décidé|conduit|amené)",
  ),
  en: W('because|the reason|what draws me|drew me|motivat\\p{L}*|I chose|why I|that is why|this is why'),
};
const APOLOGY = {
  fr: W(
    "malgré (?:mon|ma|l['’]absence|le manque)|mon manque d['’]expérience|bien que je n['’]aie|même si je n['’]ai|je n['’]ai pas (?:encore )?(?:d['’]|de |beaucoup d['’])expérience|mon profil (?:peut (?:sembler|paraître)|atypique)|je sais que mon",
  ),
  en: W(
    "despite my lack|lack of experience|although I (?:don['’]t|do not) have|even though I (?:haven['’]t|have no|don['’]t)|I know I (?:don['’]t|do not|lack)|I may not have|I realise my background",
  ),
};

/** Change named (4), framed as an asset (4), motivation explained (2); apologies cost 2 each. */
export function scoreCareerChange(ctx: LetterContext): CriterionResult {
  const fr = ctx.language === 'fr';
  const findings: Finding[] = [];
  const named = firstMatch(ctx, CHANGE[ctx.language]);
  const asset = firstMatch(ctx, ASSET[ctx.language]);
  const motive = firstMatch(ctx, MOTIVE[ctx.language]);
  const apologies = allMatches(ctx, APOLOGY[ctx.language]);
  let score = (named ? 4 : 0) + (asset ? 4 : 0) + (motive ? 2 : 0) - 2 * apologies.length;
  if (!named) {
    findings.push(
      finding(
        'careerChange',
        'change_not_named',
        'warning',
        fr
          ? "La reconversion n'est pas nommée : le recruteur la découvrira seul dans le CV."
          : 'The career change is never named: the recruiter will discover it alone in the CV.',
        fr
          ? 'Assumez-la dès le début : « Infirmier pendant dix ans, je me suis formé à… ».'
          : 'Own it early: "After ten years as a nurse, I retrained as…".',
        ctx,
      ),
    );
  }
  if (!asset) {
    findings.push(
      finding(
        'careerChange',
        'change_not_an_asset',
        'warning',
        fr
          ? "Rien ne dit ce que l'ancien métier apporte au nouveau."
          : 'Nothing says what the old job brings to the new one.',
        fr
          ? "Une phrase de pont : « La rigueur des protocoles de soins m'a appris à fiabiliser une donnée. »"
          : 'One bridge sentence: "Following clinical protocols taught me to write test cases others can run."',
        ctx,
      ),
    );
  }
  for (const a of apologies) {
    findings.push(
      finding(
        'careerChange',
        'apologetic_framing',
        'warning',
        fr ? 'Vous vous excusez de votre parcours.' : 'You apologise for your background.',
        fr
          ? "Retournez l'argument : dites ce que vous avez déjà fait dans le nouveau métier (formation, stage, projet) et ce que l'ancien vous apporte."
          : 'Turn it round: say what you have already done in the new field (course, project) and what the old one gives you.',
        ctx,
        a,
      ),
    );
  }
  score = clamp(score);
  return {
    score,
    summary: fr
      ? `Reconversion ${named ? 'nommée' : 'non nommée'}, ${asset ? 'présentée comme un atout' : 'pas présentée comme un atout'}${apologies.length ? `, ${apologies.length} formule(s) d'excuse` : ''}.`
      : `Change ${named ? 'named' : 'not named'}, ${asset ? 'framed as an asset' : 'not framed as an asset'}${apologies.length ? `, ${apologies.length} apology(ies)` : ''}.`,
    findings,
  };
}

// ---------- tone ----------
const SUPERLATIVE = {
  fr: W(
    'extrêmement|incroyable|formidable|exceptionnel(?:le)?|parfaitement|immense|énorme|vraiment|absolument|génial',
  ),
  en: W('extremely|incredibl[ey]|amazing|awesome|exceptional|perfectly|absolutely|truly|hugely|fantastic'),
};
const ENGAGEMENT = {
  fr: W(
    'sens|engagement|engagée?|solidarité|solidaire|utile|utilité|humain(?:e)?|accompagner|accompagnement|bénévol\\p{L}*|insertion|dignité|citoyen\\p{L}*|intérêt général',
  ),
  en: W(
    'purpose|community|commitment|committed|meaningful|volunteer\\p{L}*|social|impact|people first|inclusion|dignity',
  ),
};
const HEAVY_FORMULA = /agréer[^.]*l['’]expression de mes (?:salutations|sentiments)/iu;

/** Penalty grid per tone (formel, sobre, dynamique, startup, associatif, creatif) and vs the offer register. */
export function scoreToneFit(
  ctx: LetterContext,
  tone: Tone,
  offerFormality: 'formal' | 'informal' | null,
  actionCount: number,
): CriterionResult {
  const fr = ctx.language === 'fr';
  const findings: Finding[] = [];
  const exclamations = allMatches(ctx, /!+/g);
  const emoji = allMatches(ctx, EMOJI_RE);
  const superlatives = allMatches(ctx, SUPERLATIVE[ctx.language]);
  const engagement = allMatches(ctx, ENGAGEMENT[ctx.language]);
  const lengths = ctx.sentences.map((s) => tokenizeWithOffsets(s.text).length);
  const mean = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
  const informalSalutation = ctx.parts.salutation
    ? /^(?:bonjour|hello|salut|hi|hey)/i.test(ctx.parts.salutation.text)
    : false;
  let penalty = 0;
  const add = (p: number, code: string, message: string, suggestion: string, span: Span | null = null) => {
    penalty += p;
    findings.push(finding('toneFit', code, p >= 2 ? 'warning' : 'info', message, suggestion, ctx, span));
  };

  if (tone === 'formel' || tone === 'sobre') {
    if (emoji.length)
      add(
        2,
        'emoji',
        fr ? 'Emoji dans une lettre au ton formel.' : 'Emoji in a formal letter.',
        fr ? 'Supprimez-les.' : 'Remove them.',
        emoji[0],
      );
    if (exclamations.length)
      add(
        Math.min(3, exclamations.length),
        'exclamation',
        fr ? `${exclamations.length} point(s) d'exclamation.` : `${exclamations.length} exclamation mark(s).`,
        fr
          ? "Un point suffit : laissez les faits porter l'enthousiasme."
          : 'A full stop will do: let the facts carry the enthusiasm.',
        exclamations[0],
      );
    if (informalSalutation)
      add(
        1,
        'informal_salutation',
        fr ? 'Salutation familière.' : 'Casual greeting.',
        fr ? '« Madame, Monsieur, »' : '"Dear …,"',
        ctx.parts.salutation,
      );
  }
  if (tone === 'sobre' && superlatives.length) {
    add(
      Math.min(4, 1.5 * superlatives.length),
      'superlatives',
      fr
        ? `${superlatives.length} superlatif(s) pour un ton sobre.`
        : `${superlatives.length} superlative(s) for a plain tone.`,
      fr
        ? "Remplacez l'adjectif par le fait qui le justifie."
        : 'Replace the adjective with the fact behind it.',
      superlatives[0],
    );
  }
  if (tone === 'dynamique' || tone === 'startup') {
    if (mean > 24)
      add(
        2,
        'slow_sentences',
        fr
          ? `Phrases longues (${Math.round(mean)} mots en moyenne) pour un ton ${tone}.`
          : `Long sentences (${Math.round(mean)} words on average) for a ${tone} tone.`,
        fr
          ? "Visez 15 mots en moyenne, verbes d'action en tête."
          : 'Aim for 15 words on average, action verbs first.',
      );
    if (actionCount === 0)
      add(
        2,
        'no_action',
        fr ? "Pas de verbe d'action à la première personne." : 'No first-person action verb.',
        fr ? "« J'ai lancé… », « j'ai réduit… »" : '"I launched…", "I cut…"',
      );
  }
  if (tone === 'startup') {
    const heavy = firstMatch(
      { ...ctx, parts: { ...ctx.parts, body: { text: ctx.text, start: 0, end: ctx.text.length } } },
      HEAVY_FORMULA,
    );
    if (heavy)
      add(
        1,
        'heavy_formula',
        fr
          ? 'Formule de politesse très solennelle pour une start-up.'
          : 'Very ceremonious sign-off for a start-up.',
        fr
          ? "« Au plaisir d'en discuter, » ou « Bien cordialement, » conviennent ici."
          : '"Kind regards," fits here.',
        heavy,
      );
  }
  if (tone === 'associatif' && engagement.length === 0) {
    add(
      3,
      'no_engagement',
      fr
        ? "Rien sur le sens ou l'engagement, attendu par une structure associative."
        : 'Nothing on purpose or commitment, which a non-profit expects.',
      fr
        ? 'Reliez votre parcours au projet associatif (publics accompagnés, utilité sociale).'
        : 'Link your path to the mission (people served, social impact).',
    );
  }
  if (tone === 'creatif') {
    const first = ctx.sentences[0]?.text ?? '';
    if (/^(?:je me permets|suite à|i am writing|c['’]est avec)/i.test(first))
      add(
        2,
        'flat_hook',
        fr ? 'Accroche convenue pour un ton créatif.' : 'Stock opening for a creative tone.',
        fr
          ? 'Ouvrez sur une image, un projet ou une question liée au métier.'
          : 'Open with an image, a project or a question tied to the craft.',
        ctx.sentences[0] ?? null,
      );
  }
  if (offerFormality === 'formal' && (emoji.length > 0 || informalSalutation)) {
    add(
      2,
      'register_mismatch',
      fr ? "L'offre est formelle ; la lettre ne l'est pas." : 'The offer is formal; the letter is not.',
      fr
        ? "Alignez-vous : vouvoiement, pas d'emoji, formule complète."
        : 'Match it: no emoji, conventional greeting and sign-off.',
    );
  }
  return {
    score: clamp(10 - penalty),
    summary: fr
      ? `Ton visé : ${tone}. ${findings.length} écart(s).`
      : `Target tone: ${tone}. ${findings.length} gap(s).`,
    findings,
  };
}
