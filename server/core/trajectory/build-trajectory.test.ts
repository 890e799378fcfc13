import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCv } from '../profile';
import { buildTrajectory, type Trajectory, type TrajectoryInput, TrajectorySchema } from './index';

const DATA = new URL('../../../../shared/data/synthetic/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

const pair = (id: string) => ({ cvText: read(`cv-${id}.txt`), offerText: read(`offer-${id}.txt`) });

const skillNames = (items: readonly { skill: string }[]) => items.map((item) => item.skill);
const find = <T extends { skill: string }>(items: readonly T[], name: string) =>
  items.find((item) => item.skill.toLowerCase() === name.toLowerCase());

/** Every check that holds for any trajectory: schema, timeline arithmetic, verbatim evidence, no links or prices. */
function expectWellFormed(trajectory: Trajectory, cvText: string) {
  expect(TrajectorySchema.parse(trajectory)).toEqual(trajectory);
  expect(trajectory.steps.map((step) => step.kind)).toEqual([
    'assessment',
    'training',
    'practice',
    'networking',
    'applications',
  ]);
  let week = 0;
  for (const step of trajectory.steps) {
    expect(step.weeks).toBeGreaterThan(0);
    expect(step.startWeek).toBe(week);
    week += step.weeks;
  }
  expect(trajectory.totalWeeks).toBe(week);
  for (const skill of trajectory.transferable) {
    expect(skill.evidence.length).toBeGreaterThan(0);
    expect(cvText).toContain(skill.evidence);
  }
  expect(trajectory.gaps.map((gap) => gap.rank)).toEqual(trajectory.gaps.map((_, index) => index + 1));
  const transferable = new Set(skillNames(trajectory.transferable).map((name) => name.toLowerCase()));
  for (const gap of trajectory.gaps) expect(transferable.has(gap.skill.toLowerCase())).toBe(false);
  const text = JSON.stringify([trajectory.steps, trajectory.routes, trajectory.summary, trajectory.gaps]);
  expect(text).not.toMatch(/https?:|www\.|€|£|\beuros?\b/i);
}

describe('buildTrajectory — pair 01, infirmier → data analyst (fr)', () => {
  const { cvText, offerText } = pair('01');
  const input: TrajectoryInput = {
    from: 'infirmier en réanimation',
    to: 'data analyst',
    cvText,
    offerText,
    language: 'fr',
    asOf: '2026-11',
  };
  const trajectory = buildTrajectory(input);

  it('places both occupations in the taxonomy', () => {
    expect(trajectory.to).toMatchObject({ id: 'esco:2549', label: 'analyste de données', match: 'label' });
    expect(trajectory.from).toMatchObject({ id: 'esco:1736', match: 'approximate' });
    expectWellFormed(trajectory, cvText);
  });

  it('finds the transferable skills with the CV line that proves them', () => {
    expect(find(trajectory.transferable, 'Python')?.evidence).toBe(
      'Nettoyage et analyse de 2 millions de lignes de passages aux urgences avec Python (pandas)',
    );
    expect(find(trajectory.transferable, 'SQL')?.evidence).toContain('Requêtes SQL');
    // Built as a nurse: the skill comes from the previous career.
    expect(find(trajectory.transferable, 'Excel')).toMatchObject({
      evidence: expect.stringContaining('tableau de bord Excel'),
      fromOccupation: true,
    });
    expect(find(trajectory.transferable, 'milieu hospitalier')).toMatchObject({
      fromOccupation: true,
      importance: 'optional',
      origin: 'offer',
    });
    // ESCO names the activity, the CV names the tool.
    expect(find(trajectory.transferable, 'langages de requête')?.evidence).toContain('SQL');
  });

  it('ranks the gaps: offer must-haves and essentials before nice-to-haves', () => {
    expect(trajectory.gaps[0]).toMatchObject({
      skill: 'interlocuteurs non techniques',
      importance: 'essential',
      origin: 'offer',
      rank: 1,
    });
    const names = skillNames(trajectory.gaps);
    expect(names).toEqual(expect.arrayContaining(['DAX', 'dbt', 'PMSI']));
    expect(names).not.toContain('Python');
    expect(names).not.toContain('SQL');
    const lastEssential = trajectory.gaps.findLastIndex((gap) => gap.importance === 'essential');
    const firstOptional = trajectory.gaps.findIndex((gap) => gap.importance === 'optional');
    expect(lastEssential).toBeLessThan(firstOptional);
    expect(find(trajectory.gaps, 'DAX')?.reason).toBe("Un plus selon l'offre ; absente du CV.");
  });

  it('counts the data analyst diploma and certification as training already done', () => {
    expect(trajectory.relatedTraining).toEqual([
      'Titre professionnel Data Analyst (RNCP niveau 6)',
      'Microsoft Certified: Power BI Data Analyst Associate (PL-300)',
    ]);
    expect(trajectory.steps[0]?.weeks).toBe(1);
  });

  it('suggests the French routes that fit, without VAE for a four-month internship', () => {
    const routes = trajectory.routes.map((route) => route.name);
    expect(routes).toEqual(
      expect.arrayContaining([
        'Bilan de compétences',
        'Compte personnel de formation (CPF)',
        'Formations France Travail (dont POEI)',
      ]),
    );
    expect(routes.some((name) => name.includes('VAE'))).toBe(false);
    expect(trajectory.summary).toMatch(
      /^De « infirmier en réanimation » à « data analyst » : \d+ compétence/,
    );
  });

  it('reports Python and SQL as top gaps when the CV does not show them, with a longer training', () => {
    const withoutCode = cvText
      .replace(' avec Python (pandas)', '')
      .replace('Requêtes SQL sur une base PostgreSQL, restitution', 'Restitution')
      .replace('Python, pandas, SQL, PostgreSQL, ', '');
    const result = buildTrajectory({ ...input, cvText: withoutCode });
    expectWellFormed(result, withoutCode);
    const python = find(result.gaps, 'Python');
    const sql = find(result.gaps, 'SQL');
    expect(python).toMatchObject({ importance: 'essential', reason: "Exigée par l'offre ; absente du CV." });
    expect(sql?.importance).toBe('essential');
    expect(python!.rank).toBeLessThanOrEqual(3);
    expect(sql!.rank).toBeLessThanOrEqual(3);
    expect(find(result.transferable, 'Python')).toBeUndefined();
    const training = (t: Trajectory) => t.steps.find((step) => step.kind === 'training')!.weeks;
    expect(training(result)).toBeGreaterThan(training(trajectory));
  });

  it('is deterministic and reads the structured CV the same way as the text', () => {
    expect(JSON.stringify(buildTrajectory(input))).toBe(JSON.stringify(trajectory));
    expect(buildTrajectory({ ...input, cv: parseCv(cvText) })).toEqual(trajectory);
  });
});

describe('buildTrajectory — pair 03, boulanger → technicien de maintenance (fr)', () => {
  const { cvText, offerText } = pair('03');
  const trajectory = buildTrajectory({
    from: 'boulanger',
    to: 'technicien de maintenance industrielle',
    cvText,
    offerText,
    language: 'fr',
    asOf: '2026-11',
  });

  it('finds the ROME job sheet and the transferable skills', () => {
    expectWellFormed(trajectory, cvText);
    expect(trajectory.from).toMatchObject({ id: 'esco:333', match: 'label' });
    expect(trajectory.to).toMatchObject({ id: 'rome:I1304', source: 'rome' });
    expect(find(trajectory.transferable, 'HACCP')).toMatchObject({
      evidence: "Application stricte des règles d'hygiène HACCP et de traçabilité",
      fromOccupation: true,
    });
    // "diagnostiquez les pannes" (offer) and "Diagnostic de pannes" (CV) share no Snowball stem.
    expect(find(trajectory.transferable, 'diagnostiquez les pannes')?.evidence).toContain(
      'Diagnostic de pannes',
    );
    expect(find(trajectory.transferable, 'Siemens TIA Portal')?.evidence).toBe(
      'Automatisme : bases Siemens S7 (TIA Portal)',
    );
  });

  it('puts hydraulics first among the gaps and soft skills after hard ones', () => {
    expect(trajectory.gaps[0]).toMatchObject({
      skill: 'hydraulique',
      origin: 'both',
      importance: 'essential',
    });
    const rigour = find(trajectory.gaps, 'Rigueur');
    const firstGeneric = trajectory.gaps.find((gap) => gap.origin === 'occupation');
    expect(rigour && firstGeneric && rigour.rank > firstGeneric.rank).toBe(true);
    expect(trajectory.omittedGaps).toBeGreaterThan(0);
  });

  it('suggests VAE for two years as an apprentice technician, and the BTS shortens the training', () => {
    const vae = trajectory.routes.find((route) => route.name.includes('VAE'));
    expect(vae?.when).toContain('Technicien de maintenance (alternance)');
    expect(trajectory.relatedTraining).toContain(
      'BTS Maintenance des systèmes, option systèmes de production',
    );
  });
});

describe('buildTrajectory — pair 09, nurse → software tester (en)', () => {
  const { cvText, offerText } = pair('09');
  const input: TrajectoryInput = {
    from: 'nurse',
    to: 'software tester',
    cvText,
    offerText,
    language: 'en',
    asOf: '2026-11',
  };
  const english = buildTrajectory(input);
  const french = buildTrajectory({ ...input, language: 'fr' });

  it('proves the testing skills from the QA job and the care background from the wards', () => {
    expectWellFormed(english, cvText);
    expect(english.to).toMatchObject({ id: 'esco:212', label: 'software tester', match: 'label' });
    expect(find(english.transferable, 'manual testing')?.evidence).toMatch(
      /^Manual testing of a patient-booking/,
    );
    expect(find(english.transferable, 'Jira')?.evidence).toContain('defects logged and triaged in Jira');
    expect(find(english.transferable, 'healthcare')).toMatchObject({
      fromOccupation: true,
      evidence: expect.stringContaining('nurses and healthcare assistants'),
    });
  });

  it('treats "Jira or a similar tracker" and "Cypress or Selenium" as alternatives, not gaps', () => {
    const gaps = skillNames(english.gaps);
    expect(gaps).not.toContain('tracker');
    expect(gaps).not.toContain('Cypress');
    expect(gaps).toEqual(expect.arrayContaining(['Accessibility testing', 'WCAG']));
    expect(find(english.gaps, 'WCAG')?.reason).toBe('A plus for the offer; not shown in the CV.');
  });

  it('keeps French route names but explains them in English', () => {
    const vae = english.routes.find((route) =>
      route.name.startsWith("Validation des acquis de l'expérience"),
    );
    expect(vae?.when).toMatch(/^Your experience as Junior QA Tester/);
    expect(english.routes.map((route) => route.name)).toContain('Bilan de compétences (skills assessment)');
  });

  it('writes French and English with the same findings', () => {
    expectWellFormed(french, cvText);
    expect(french.steps.map((step) => step.title)).not.toEqual(english.steps.map((step) => step.title));
    expect(french.steps[0]?.title).toBe('Faire le point sur vos compétences');
    expect(english.steps[0]?.title).toBe('Take stock of your skills');
    expect(french.summary).not.toBe(english.summary);
    expect(french.gaps.map((gap) => gap.skillId)).toEqual(english.gaps.map((gap) => gap.skillId));
    expect(find(english.gaps, 'software architecture models')).toBeDefined();
    expect(find(french.gaps, 'modèles d’architecture logicielle')).toBeDefined();
    expect(french.totalWeeks).toBe(english.totalWeeks);
  });
});

describe('buildTrajectory — edge cases', () => {
  const { cvText } = pair('01');

  it('works without an offer and falls back on the CV for an unknown previous job', () => {
    const trajectory = buildTrajectory({ from: 'zzqx wobble', to: 'analyste SOC', cvText, language: 'fr' });
    expectWellFormed(trajectory, cvText);
    expect(trajectory.from).toMatchObject({ id: 'esco:1736', match: 'cv-title' });
    expect(trajectory.to).toMatchObject({ id: 'esco:63', match: 'approximate' });
    expect(trajectory.gaps.length).toBeGreaterThan(5);
    expect(trajectory.gaps.every((gap) => gap.origin === 'occupation')).toBe(true);
  });

  it('answers an empty plan for a target it cannot place', () => {
    const trajectory = buildTrajectory({ from: '', to: 'zzqx frobnicator', cvText: '', language: 'en' });
    expectWellFormed(trajectory, '');
    expect(trajectory.to).toMatchObject({ id: null, match: 'none' });
    expect(trajectory.transferable).toEqual([]);
    expect(trajectory.gaps).toEqual([]);
  });
});
