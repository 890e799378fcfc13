import { cleanJobTitle, findOfferTitle } from '../ats';
import { indexText } from '../ats/text-index';
import { parseCv } from '../profile';
import type { CvProfile, Experience } from '../profile/schemas';
import { type Occupation, skillsOfOccupation } from '../taxonomy';
import type { Language } from '../text';
import { describeOccupation, resolveOccupation } from './resolve-occupation';
import { suggestRoutes } from './routes';
import type {
  SkillGap,
  SkillOrigin,
  StepKind,
  Trajectory,
  TrajectoryInput,
  TrajectoryStep,
  TransferableSkill,
} from './schemas';
import { isWeakStem, matchPhrase, stemKey } from './skill-matcher';
import { collectTargetSkills, promoteMentioned, type TargetSkill, TIERS } from './target-skills';
import { gapReason, stepDetail, stepTitle, summarize } from './wording';

const MAX_GAPS = 12;
const MAX_TRANSFERABLE = 20;
/** With an offer in hand, the occupation's generic skills that the offer never mentions get fewer slots. */
const MAX_GENERIC_GAPS_WITH_OFFER = 6;
// Soft skills are shown through proof in the letter rather than trained: they rank after hard gaps of the
// next tiers (an offer's "rigueur" after the occupation's essentials, before the offer's nice-to-haves).
const SOFT_GAP_PENALTY = 2.5;

type CvIndex = ReturnType<typeof indexText>;

interface Evidence {
  text: string;
  start: number;
}

interface ExperienceSpan {
  experience: Experience;
  start: number;
  end: number;
}

/** Where each job's bullets sit in the CV text, so that a sentence can be traced to its job. */
function locateExperiences(cvText: string, experiences: readonly Experience[]): ExperienceSpan[] {
  const spans: ExperienceSpan[] = [];
  for (const experience of experiences) {
    let start = Number.POSITIVE_INFINITY;
    let end = -1;
    for (const fact of experience.facts) {
      const at = cvText.indexOf(fact);
      if (at < 0) continue;
      start = Math.min(start, at);
      end = Math.max(end, at + fact.length);
    }
    if (end >= 0) spans.push({ experience, start, end });
  }
  return spans;
}

/** The best sentence among a skill's hits: a job bullet or prose beats a line of a skills list. */
function pickEvidence(
  index: CvIndex,
  sentences: readonly number[],
  jobs: readonly ExperienceSpan[],
): Evidence {
  let best: { evidence: Evidence; score: number } | undefined;
  for (const position of [...sentences].sort((a, b) => a - b)) {
    const sentence = index.sentences[position];
    if (!sentence) continue;
    const inJob = jobs.some((job) => sentence.start >= job.start && sentence.start < job.end);
    const words = sentence.text.split(/\s+/).length;
    const commas = (sentence.text.match(/,/g) ?? []).length;
    const listLike = commas >= 3 && commas * 3 >= words;
    const score = (inJob ? 3 : 0) + (words >= 6 && !listLike ? 2 : 0) + (listLike ? 0 : 1);
    if (!best || score > best.score)
      best = { evidence: { text: sentence.text, start: sentence.start }, score };
  }
  return best?.evidence ?? { text: '', start: 0 };
}

function findInCv(
  skill: TargetSkill,
  index: CvIndex,
  language: Language,
  jobs: readonly ExperienceSpan[],
): Evidence | undefined {
  const exact: number[] = [];
  const loose: number[] = [];
  for (const phrase of skill.phrases) {
    const match = matchPhrase(index, phrase, language);
    if (match) (match.exact ? exact : loose).push(...match.sentences);
  }
  const sentences = exact.length > 0 ? exact : loose;
  return sentences.length > 0 ? pickEvidence(index, [...new Set(sentences)], jobs) : undefined;
}

const monthOf = (date: string | null): number | undefined => {
  const match = date?.match(/^(\d{4})(?:-(\d{2}))?/);
  if (!match) return undefined;
  // A bare year is taken at mid-year: "2018 – 2024" counts six years, "2025 (4 mois)" none.
  return Number(match[1]) * 12 + (match[2] ? Number(match[2]) - 1 : 6);
};

/** The month ongoing jobs run to: the caller's date, else the latest year the CV mentions. */
function referenceMonth(asOf: string | undefined, cvText: string): number | undefined {
  const given = monthOf(asOf ?? null);
  if (given !== undefined) return given;
  const years = [...cvText.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((match) => Number(match[1]));
  return years.length > 0 ? Math.max(...years) * 12 + 6 : undefined;
}

function monthsOf(experience: Experience, reference: number | undefined): number {
  const start = monthOf(experience.start);
  const end = experience.end === null ? reference : monthOf(experience.end);
  if (start === undefined || end === undefined) return 0;
  return Math.max(0, end - start);
}

/** Content stems of job labels, to tell a job in the target field from one in the previous career. */
function stemSet(labels: readonly string[], language: Language): Set<string> {
  return new Set(
    labels.flatMap((label) =>
      stemKey(label, language)
        .split(' ')
        .filter((stem) => stem.length > 1),
    ),
  );
}

function inTargetField(title: string, targetStems: ReadonlySet<string>, language: Language): boolean {
  const stems = stemKey(title, language).split(' ');
  return stems.some((stem) => targetStems.has(stem) && !isWeakStem(stem));
}

const displayLabel = (skill: TargetSkill, language: Language, offerLanguage: Language): string => {
  // The offer's own words when it speaks the output language; otherwise the taxonomy's translation.
  if (skill.offerTerm && offerLanguage === language) return skill.offerTerm;
  return (language === 'fr' ? skill.labelFr : skill.labelEn) || skill.offerTerm || skill.labelFr;
};

const originOf = (skill: TargetSkill): SkillOrigin =>
  skill.fromOffer && skill.fromOccupation ? 'both' : skill.fromOffer ? 'offer' : 'occupation';

const byPriority = (a: TargetSkill, b: TargetSkill) =>
  a.tier - b.tier || a.order - b.order || a.key.localeCompare(b.key);

// Weeks of training per gap: what it takes to reach a working level, roughly, by kind and importance.
function gapWeeks(skill: TargetSkill, hasOffer: boolean): number {
  const base =
    skill.kind === 'education' ? 4 : skill.kind === 'soft' ? 0.5 : skill.importance === 'essential' ? 3 : 1;
  // With an offer in hand, the occupation's generic list counts less than what the employer asks.
  const generic = hasOffer && !skill.fromOffer && skill.tier !== TIERS.essentialInOffer;
  return generic ? base / 2 : base;
}

/**
 * Builds the path from one occupation to another: transferable skills with their CV evidence,
 * ranked gaps, a timeline of steps and the French schemes that fit. Pure and deterministic.
 */
export function buildTrajectory(input: TrajectoryInput): Trajectory {
  const language = input.language;
  const cv: CvProfile = input.cv ?? parseCv(input.cvText);
  const cvLanguage = cv.language;
  const offerText = input.offerText?.trim() ? input.offerText : undefined;
  const hasOffer = offerText !== undefined;

  const offerIndex = offerText ? indexText(offerText) : undefined;
  const offerTitle = offerText ? cleanJobTitle(findOfferTitle(offerText).text) : undefined;
  const toResolved = resolveOccupation(input.to, [{ title: offerTitle, match: 'offer-title' }]);
  const targetStems = stemSet(
    [input.to, toResolved.occupation?.labelFr ?? '', toResolved.occupation?.labelEn ?? '', offerTitle ?? ''],
    cvLanguage,
  );
  // Without a usable "from", the latest job outside the target field stands for the previous career.
  const previousJob = cv.experiences.find((job) => !inTargetField(job.title, targetStems, cvLanguage));
  const fromResolved = resolveOccupation(input.from, [{ title: previousJob?.title, match: 'cv-title' }]);
  const from = describeOccupation(input.from, fromResolved, language);
  const to = describeOccupation(input.to, toResolved, language);

  const target = collectTargetSkills(toResolved.occupation, offerText);
  if (offerIndex) {
    const offerLanguage = offerIndex.language;
    promoteMentioned(target.skills, (skill) =>
      [skill.labelFr, skill.labelEn].some((phrase) => matchPhrase(offerIndex, phrase, offerLanguage)?.exact),
    );
  }

  const cvIndex = indexText(input.cvText, cvLanguage);
  const jobs = locateExperiences(input.cvText, cv.experiences);
  const fromSkills = previousSkillKeys(fromResolved.occupation);
  const previousStems = stemSet(
    [input.from, fromResolved.occupation?.labelFr ?? '', fromResolved.occupation?.labelEn ?? ''],
    cvLanguage,
  );
  const found = new Map<TargetSkill, Evidence>();
  for (const skill of target.skills) {
    const evidence = findInCv(skill, cvIndex, cvLanguage, jobs);
    if (evidence) found.set(skill, evidence);
  }
  const foundTerms = new Set(
    [...found.keys()].map((skill) => skill.offerTerm).filter((term) => term !== null),
  );
  // A requirement met through its alternative ("Jira or a similar tracker") is no gap.
  const satisfiedByAlternative = (skill: TargetSkill) =>
    skill.offerTerm !== null &&
    [...(target.alternatives.get(skill.offerTerm) ?? [])].some((term) => foundTerms.has(term));

  const ordered = [...target.skills].sort(byPriority);
  const label = (skill: TargetSkill) => displayLabel(skill, language, target.offerLanguage);

  const transferable: TransferableSkill[] = [];
  const seenLabels = new Set<string>();
  for (const skill of ordered) {
    const evidence = found.get(skill);
    if (!evidence || transferable.length >= MAX_TRANSFERABLE) continue;
    const name = label(skill);
    if (seenLabels.has(name.toLowerCase())) continue;
    seenLabels.add(name.toLowerCase());
    const job = jobs.find((span) => evidence.start >= span.start && evidence.start < span.end);
    // Outside any job (profile, headline), a sentence that names the previous occupation counts as it.
    const inPreviousJob =
      job !== undefined
        ? !inTargetField(job.experience.title, targetStems, cvLanguage)
        : inTargetField(evidence.text, previousStems, cvLanguage) &&
          !inTargetField(evidence.text, targetStems, cvLanguage);
    transferable.push({
      skill: name,
      skillId: skill.skillId,
      evidence: evidence.text,
      fromOccupation: inPreviousJob || isPreviousSkill(skill, fromSkills),
      importance: skill.importance,
      origin: originOf(skill),
    });
  }

  const missing = ordered.filter(
    (skill) =>
      !found.has(skill) &&
      !satisfiedByAlternative(skill) &&
      // The occupation's optional skills are too many to list unless the offer brings them up.
      (skill.importance === 'essential' || skill.fromOffer || skill.tier === TIERS.optionalInOffer),
  );
  const targetName = to.label ?? input.to;
  const gapOrder = (skill: TargetSkill) => skill.tier + (skill.kind === 'soft' ? SOFT_GAP_PENALTY : 0);
  const rankedMissing = [...missing].sort((a, b) => gapOrder(a) - gapOrder(b) || byPriority(a, b));
  const gapSkills: TargetSkill[] = [];
  let genericGaps = 0;
  for (const skill of rankedMissing) {
    if (gapSkills.length >= MAX_GAPS) break;
    if (seenLabels.has(label(skill).toLowerCase())) continue;
    const generic =
      !skill.fromOffer && skill.tier !== TIERS.essentialInOffer && skill.tier !== TIERS.optionalInOffer;
    if (hasOffer && generic && genericGaps >= MAX_GENERIC_GAPS_WITH_OFFER) continue;
    if (generic) genericGaps++;
    seenLabels.add(label(skill).toLowerCase());
    gapSkills.push(skill);
  }
  const gaps: SkillGap[] = gapSkills.map((skill, position) => ({
    skill: label(skill),
    skillId: skill.skillId,
    importance: skill.importance,
    reason: gapReason(
      {
        fromOffer: skill.fromOffer,
        fromOccupation: skill.fromOccupation,
        required: skill.tier === TIERS.offerMust,
        importance: skill.importance,
        mentionedByOffer: skill.tier === TIERS.essentialInOffer || skill.tier === TIERS.optionalInOffer,
        target: targetName,
      },
      language,
    ),
    rank: position + 1,
    origin: originOf(skill),
  }));

  const relatedTraining = findRelatedTraining(cv, targetStems, target.skills, cvLanguage);
  const relatedExperience = longestRelatedJob(cv.experiences, targetStems, cvLanguage, input);

  let trainingWeeks = Math.ceil(gapSkills.reduce((sum, skill) => sum + gapWeeks(skill, hasOffer), 0));
  if (relatedTraining.length > 0) trainingWeeks = Math.ceil(trainingWeeks / 2);
  trainingWeeks = Math.min(36, Math.max(1, trainingWeeks));
  const essentialGaps = gapSkills.filter((skill) => skill.importance === 'essential').length;
  const durations: Record<StepKind, number> = {
    assessment: relatedTraining.length > 0 ? 1 : 2,
    training: trainingWeeks,
    practice: 2 + Math.min(4, Math.ceil(essentialGaps / 3)),
    networking: relatedExperience ? 2 : 3,
    applications: 4,
  };
  const wordingInput = {
    from: input.from.trim() || from.label || (language === 'fr' ? 'votre métier actuel' : 'your current job'),
    to: input.to.trim() || to.label || (language === 'fr' ? 'métier visé' : 'target occupation'),
    transferable: transferable.map((skill) => skill.skill),
    gaps: gaps.map((gap) => gap.skill),
    relatedTraining,
    hasOffer,
  };
  const stepSkills: Record<StepKind, string[]> = {
    assessment: wordingInput.transferable.slice(0, 5),
    training: wordingInput.gaps.slice(0, 6),
    practice: [...wordingInput.gaps.slice(0, 3), ...wordingInput.transferable.slice(0, 2)],
    networking: [],
    applications: wordingInput.transferable.slice(0, 4),
  };
  const steps: TrajectoryStep[] = [];
  let week = 0;
  for (const kind of ['assessment', 'training', 'practice', 'networking', 'applications'] as const) {
    steps.push({
      kind,
      title: stepTitle(kind, language),
      detail: stepDetail(kind, wordingInput, language),
      weeks: durations[kind],
      startWeek: week,
      skills: stepSkills[kind],
    });
    week += durations[kind];
  }

  const routes = suggestRoutes(
    {
      to: wordingInput.to,
      gaps: wordingInput.gaps,
      trainingWeeks,
      relatedExperience,
      hasOffer,
    },
    language,
  );

  return {
    language,
    from,
    to,
    transferable,
    gaps,
    omittedGaps: missing.length - gapSkills.length,
    relatedTraining,
    steps,
    routes,
    totalWeeks: week,
    summary: summarize(
      {
        from: wordingInput.from,
        to: wordingInput.to,
        transferable: transferable.length,
        gaps: gaps.length,
        essentialGaps,
        totalWeeks: week,
      },
      language,
    ),
  };
}

interface PreviousSkills {
  ids: Set<string>;
  keys: Set<string>;
}

function previousSkillKeys(occupation: Occupation | undefined): PreviousSkills {
  if (!occupation) return { ids: new Set(), keys: new Set() };
  const { essential, optional } = skillsOfOccupation(occupation);
  const skills = [...essential, ...optional];
  return {
    ids: new Set(skills.map((skill) => skill.id)),
    keys: new Set(skills.flatMap((skill) => [stemKey(skill.labelEn, 'en'), stemKey(skill.labelFr, 'fr')])),
  };
}

function isPreviousSkill(skill: TargetSkill, previous: PreviousSkills): boolean {
  if (skill.skillId && previous.ids.has(skill.skillId)) return true;
  return previous.keys.has(stemKey(skill.labelEn, 'en')) || previous.keys.has(stemKey(skill.labelFr, 'fr'));
}

/** CV education and certifications in the target field, or that meet a qualification the target asks for. */
function findRelatedTraining(
  cv: CvProfile,
  targetStems: ReadonlySet<string>,
  skills: readonly TargetSkill[],
  language: Language,
): string[] {
  const qualifications = skills.filter((skill) => skill.kind === 'education');
  const entries = [...cv.education.map((entry) => entry.title), ...cv.certifications];
  return entries.filter((entry) => {
    if (inTargetField(entry, targetStems, language)) return true;
    const index = indexText(entry, language);
    return qualifications.some((skill) =>
      skill.phrases.some((phrase) => matchPhrase(index, phrase, language)),
    );
  });
}

/** The longest job in the target field (for VAE), if any. */
function longestRelatedJob(
  experiences: readonly Experience[],
  targetStems: ReadonlySet<string>,
  language: Language,
  input: TrajectoryInput,
): { title: string; months: number } | null {
  const reference = referenceMonth(input.asOf, input.cvText);
  let best: { title: string; months: number } | null = null;
  for (const job of experiences) {
    if (!inTargetField(job.title, targetStems, language)) continue;
    const months = monthsOf(job, reference);
    if (!best || months > best.months) best = { title: job.title, months };
  }
  return best;
}
