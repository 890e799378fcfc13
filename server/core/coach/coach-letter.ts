/**
 * Smart Coach: scores a cover letter on nine criteria and locates every problem (sentence and
 * exact words, with offsets) with a concrete suggestion. Pure and deterministic; runs the Mirror
 * Match analysis of the offer when one is given, to judge personalisation and tone.
 */
import { AppError } from '../errors';
import type { Tone } from '../letter/options';
import { analyzeMirror } from '../mirror/analyze-mirror';
import type { MirrorReport } from '../mirror/schemas';
import { detectLanguageLight, findSentenceAt, splitSentences } from '../mirror/text-helpers';
import { checkClaims } from './claims';
import { clichesFor } from './cliches';
import { checkConventions, findLetterParts } from './conventions';
import {
  buildContext,
  type CriterionResult,
  scoreCareerChange,
  scoreClarity,
  scorePersonalisation,
  scoreProof,
  scoreStructure,
  scoreToneFit,
} from './criteria';
import {
  type Claim,
  type Cliche,
  type CoachInput,
  CoachInputSchema,
  type CoachReport,
  type CriterionId,
  type CriterionScore,
  type Finding,
} from './schemas';

/** Weights of the criteria in the overall score (grounding weighs most: an invented fact can cost the job). */
export const CRITERION_WEIGHTS: Record<CriterionId, number> = {
  structure: 1,
  personalisation: 1.2,
  proof: 1.2,
  clarity: 0.8,
  careerChange: 1.2,
  toneFit: 0.8,
  conventions: 1,
  cliches: 1,
  grounding: 1.5,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Critiques a letter: per-criterion scores, clichés, unsupported claims and located findings. */
export function coachLetter(input: CoachInput): CoachReport {
  const parsed = CoachInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'invalid_request',
      { fr: 'Smart Coach a besoin du texte de la lettre.', en: 'Smart Coach needs the text of the letter.' },
      { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  const { letterText, cvText, offerText } = parsed.data;
  const language = parsed.data.language ?? detectLanguageLight(letterText);
  const fr = language === 'fr';
  const parts = findLetterParts(letterText, language);
  const ctx = buildContext(letterText, language, parts);
  const mirror: MirrorReport | null = offerText ? analyzeMirror({ offerText, letterText }) : null;
  const tone: Tone = parsed.data.tone ?? mirror?.recommendedTone.tone ?? 'formel';
  const company = parsed.data.company ?? (offerText ? guessCompany(offerText) : null);
  const title = offerText ? guessTitle(offerText) : null;

  const results = new Map<CriterionId, CriterionResult>();
  results.set('structure', scoreStructure(ctx));
  results.set('personalisation', scorePersonalisation(ctx, company, title, mirror));
  const proof = scoreProof(ctx);
  results.set('proof', proof);
  results.set('clarity', scoreClarity(ctx));
  results.set('careerChange', scoreCareerChange(ctx));
  const actionCount = proof.summary.match(/(\d+) (?:réalisation|first-person)/)?.[1];
  results.set(
    'toneFit',
    scoreToneFit(ctx, tone, mirror?.register.formality.value ?? null, Number(actionCount ?? 0)),
  );

  const conv = checkConventions(letterText, parts, language, mirror?.register.address.value ?? null);
  const allSentences = splitSentences(letterText);
  results.set('conventions', {
    score: conv.score,
    summary: fr
      ? `${conv.conventions.bodyWords} mots, ${conv.issues.length} écart(s) aux usages.`
      : `${conv.conventions.bodyWords} words, ${conv.issues.length} departure(s) from convention.`,
    findings: conv.issues.map((i) => ({
      criterion: 'conventions' as const,
      code: i.code,
      severity: i.severity,
      message: i.message,
      sentence: i.span ? (findSentenceAt(allSentences, i.span.start) ?? i.span) : null,
      excerpt: i.span,
      suggestion: i.suggestion,
    })),
  });

  const cliches = findCliches(letterText, language);
  results.set('cliches', {
    score: Math.max(0, 10 - 1.5 * cliches.length),
    summary: fr ? `${cliches.length} cliché(s).` : `${cliches.length} cliché(s).`,
    findings: cliches.map((c) => ({
      criterion: 'cliches' as const,
      code: 'cliche',
      severity: 'warning' as const,
      message: fr ? `Cliché : « ${c.phrase.text} ».` : `Cliché: "${c.phrase.text}".`,
      sentence: c.sentence,
      excerpt: c.phrase,
      suggestion: c.rewrite,
    })),
  });

  const claims = cvText
    ? checkClaims(parts.body, cvText, offerText, [company ?? '', title ?? ''].filter(Boolean))
    : [];
  results.set('grounding', scoreGrounding(claims, Boolean(cvText), fr));

  const criteria: CriterionScore[] = [...results.entries()].map(([id, r]) => ({
    id,
    score: r.score,
    weight: CRITERION_WEIGHTS[id],
    summary: r.summary,
  }));
  const applicable = criteria.filter((c) => c.score !== null);
  const weightSum = applicable.reduce((a, c) => a + c.weight, 0);
  const overall = Math.round(
    (10 * applicable.reduce((a, c) => a + c.weight * (c.score ?? 0), 0)) / weightSum,
  );
  const findings: Finding[] = [...results.values()]
    .flatMap((r) => r.findings)
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.excerpt?.start ?? Number.MAX_SAFE_INTEGER) - (b.excerpt?.start ?? Number.MAX_SAFE_INTEGER),
    );

  return {
    language,
    tone,
    overall,
    criteria,
    findings,
    cliches,
    claims,
    conventions: conv.conventions,
    wordCount: letterText.trim().length ? letterText.trim().split(/\s+/).length : 0,
    paragraphCount: ctx.paragraphs.length,
  };
}

/** Every cliché of the language in the letter, with its sentence and a rewrite. */
export function findCliches(text: string, language: CoachReport['language']): Cliche[] {
  const sentences = splitSentences(text);
  const out: Cliche[] = [];
  for (const rule of clichesFor(language)) {
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index ?? 0;
      if (/\p{L}/u.test(text.charAt(start - 1))) continue;
      const phrase = { text: m[0], start, end: start + m[0].length };
      // Overlapping rules ("dynamique et motivé" inside a longer match) report once.
      if (out.some((c) => start < c.phrase.end && phrase.end > c.phrase.start)) continue;
      out.push({ phrase, sentence: findSentenceAt(sentences, start) ?? phrase, rewrite: rule.rewrite });
    }
  }
  return out.sort((a, b) => a.phrase.start - b.phrase.start);
}

function scoreGrounding(claims: Claim[], hasCv: boolean, fr: boolean): CriterionResult {
  if (!hasCv) {
    return {
      score: null,
      summary: fr
        ? 'Sans le CV, les affirmations ne sont pas vérifiées.'
        : 'Without the CV, claims are not checked.',
      findings: [],
    };
  }
  const unsupported = claims.filter((c) => !c.supported);
  let penalty = 0;
  const findings: Finding[] = unsupported.map((c) => {
    const serious = c.inOffer || c.kind === 'certification' || c.kind === 'degree' || c.kind === 'employer';
    penalty += serious ? 3 : 1.5;
    return {
      criterion: 'grounding',
      code: 'unsupported_claim',
      severity: serious ? 'error' : 'warning',
      message: fr
        ? `« ${c.claim.text} » (${KIND_FR[c.kind]}) n'apparaît pas dans le CV${c.inOffer ? ", alors que l'offre le demande" : ''}.`
        : `"${c.claim.text}" (${c.kind}) is not in the CV${c.inOffer ? ', though the offer asks for it' : ''}.`,
      sentence: c.sentence,
      excerpt: c.claim,
      suggestion: fr
        ? c.inOffer
          ? `Ne l'affirmez pas. Si vous vous y formez, dites-le (« je me forme à ${c.claim.text} ») ; sinon, mettez en avant une compétence proche attestée par le CV.`
          : `Retirez-le, ou ajoutez-le au CV s'il est vrai (avec date et preuve).`
        : c.inOffer
          ? `Do not claim it. If you are learning it, say so ("I am learning ${c.claim.text}"); otherwise lead with a related skill your CV shows.`
          : 'Remove it, or add it to your CV if true (with date and evidence).',
    };
  });
  return {
    score: Math.max(0, 10 - penalty),
    summary: fr
      ? `${claims.length} fait(s) vérifié(s), ${unsupported.length} absent(s) du CV.`
      : `${claims.length} fact(s) checked, ${unsupported.length} not in the CV.`,
    findings,
  };
}

const KIND_FR: Record<Claim['kind'], string> = {
  certification: 'certification',
  degree: 'diplôme',
  skill: 'compétence ou outil',
  employer: 'employeur',
  number: 'chiffre',
};

/** The employer's name from an offer's usual places ("Entreprise :", "X · Ville", "X recrute", a header line). */
export function guessCompany(offerText: string): string | null {
  const labelled =
    /^[ \t]*(?:entreprise|société|employeur|company|employer|organisation|organization)\s*:\s*(.+)$/imu.exec(
      offerText,
    );
  if (labelled) return labelled[1]!.trim();
  const lines = offerText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 4);
  // A labelled "Job title:" means the first line is the employer's banner (UK councils).
  if (/^[ \t]*job title\s*:/imu.test(offerText) && lines[0] && !/:/.test(lines[0])) return lines[0];
  for (const line of lines.slice(1)) {
    if (/:/.test(line)) continue;
    const first = line.split(/\s+[·–—|-]\s+/)[0]!.trim();
    const looksLikeName =
      /^\p{Lu}/u.test(first) &&
      first.split(/\s+/).length <= 5 &&
      !/\d|(?<![\p{L}])(?:CDI|CDD|stage|alternance|full-time|part-time|permanent|temps)(?![\p{L}])/iu.test(
        first,
      );
    if (
      looksLikeName &&
      (first !== line || first.split(/\s+/).every((w) => /^(?:\p{Lu}|de|des|du|of|&)/u.test(w)))
    )
      return first;
  }
  const recrute = /(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|des|de|du))*)\s+(?:recrute|is hiring)/u.exec(
    offerText,
  );
  return recrute ? recrute[1]! : null;
}

/** The job title: a labelled "Job title:" line, else the first line without gender markers. */
export function guessTitle(offerText: string): string | null {
  const labelled = /^[ \t]*(?:job title|intitulé(?: du poste)?|poste)\s*:\s*(.+)$/imu.exec(offerText);
  const raw = labelled ? labelled[1]! : (offerText.split('\n').find((l) => l.trim().length > 0) ?? '');
  const title = raw
    .replace(/\((?:H\/F|F\/H|F\/H\/X|H\/F\/X)\)|(?<![\p{L}])(?:H\/F|F\/H)(?![\p{L}])/gu, '')
    .trim();
  return title.length > 0 ? title : null;
}
