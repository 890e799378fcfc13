import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { AtsReportSchema, analyzeAts, FreeAtsReportSchema, limitAtsReportForFreePlan } from './index';

const read = (name: string) =>
  readFileSync(new URL(`../../../../shared/data/synthetic/${name}`, import.meta.url), 'utf8');
const pair = (id: string) => ({ offerText: read(`offer-${id}.txt`), cvText: read(`cv-${id}.txt`) });
const keyword = (report: ReturnType<typeof analyzeAts>, term: string) => {
  const found = report.keywords.find((k) => k.term === term);
  if (!found) throw new Error(`no keyword ${term}`);
  return found;
};

describe('analyzeAts on pair 01 (nurse → data analyst)', () => {
  const report = analyzeAts(pair('01'));

  it('is a valid report with a score and breakdown', () => {
    expect(AtsReportSchema.parse(report)).toEqual(report);
    expect(report.language).toBe('fr');
    expect(report.score).toBeGreaterThan(60);
    expect(report.score).toBeLessThan(90);
    expect(report.breakdown.title).toMatchObject({ score: 100, matched: 1, total: 1 });
  });

  it('finds SQL, Power BI and Python verbatim in the CV, with their place', () => {
    const cv = read('cv-01.txt');
    for (const term of ['SQL', 'Power BI', 'Python']) {
      const found = keyword(report, term);
      expect(found.credit, term).toBe(1);
      const match = found.matches[0]!;
      expect(match).toMatchObject({ document: 'cv', kind: 'exact' });
      expect(cv.slice(match.start, match.end)).toBe(match.text);
      expect(cv).toContain(match.sentence);
    }
    expect(keyword(report, 'Python').matches[0]?.sentence).toContain('pandas');
  });

  it('matches "Visualisation de données" to the CV\'s "data visualisation" by alias', () => {
    const found = keyword(report, 'Visualisation de données');
    expect(found.matches[0]).toMatchObject({ kind: 'alias', text: 'data visualisation', document: 'cv' });
    expect(found.credit).toBe(0.9);
  });

  it('reports PMSI, DAX and dbt missing, each with a place to add it', () => {
    const missing = new Map(report.missing.map((m) => [m.term, m]));
    for (const term of ['PMSI', 'DAX', 'dbt']) {
      expect(missing.get(term), term).toMatchObject({ required: false, category: 'hard' });
      const suggestion = missing.get(term)?.suggestion;
      expect(suggestion?.document).toBe('cv');
      expect(read('cv-01.txt').slice(suggestion!.start, suggestion!.end)).toBe(suggestion!.sentence);
    }
    expect(missing.has('SQL')).toBe(false);
    // Ranked by impact: a required keyword outweighs a nice-to-have of the same category.
    const impacts = report.missing.map((m) => m.impact);
    expect([...impacts].sort((a, b) => b - a)).toEqual(impacts);
    expect(missing.get('interlocuteurs non techniques')!.impact).toBeGreaterThan(missing.get('DAX')!.impact);
  });
});

describe('matching kinds across languages and spellings', () => {
  it('pair 06: "A/B testing" found as "tests A/B", "gestion de produit" as "Product Management"', () => {
    const report = analyzeAts(pair('06'));
    expect(keyword(report, 'A/B testing').matches[0]).toMatchObject({ kind: 'alias', text: 'tests A/B' });
    expect(keyword(report, 'Gestion de produit').matches[0]).toMatchObject({
      kind: 'alias',
      text: 'Product Management',
    });
    expect(report.missing.map((m) => m.term)).toContain('Kanban');
  });

  it('pair 05: elided and plural forms ("conduite d\'entretien" / "conduite d\'entretiens")', () => {
    const report = analyzeAts(pair('05'));
    const found = keyword(report, "conduite d'entretien");
    expect(found.credit).toBeGreaterThanOrEqual(0.9);
    expect(found.matches[0]?.text).toBe("conduite d'entretiens");
  });

  it('pair 09: "Test automation" found scattered in "automated UI tests"; ISTQB exact', () => {
    const report = analyzeAts(pair('09'));
    expect(keyword(report, 'Test automation').matches[0]).toMatchObject({ kind: 'stem' });
    expect(keyword(report, 'ISTQB Foundation').credit).toBe(1);
    expect(report.missing.map((m) => m.term)).toEqual(expect.arrayContaining(['Cypress', 'NHS', 'WCAG']));
  });

  it('inclusive writing and elisions in the offer match plain CV words', () => {
    const report = analyzeAts({
      offerText:
        "Chargé·e d'accompagnement (H/F)\n\nCompétences requises\n- Accompagnement des utilisateur·rices\n- Maîtrise de l'expérience client\n",
      cvText:
        "Conseillère clientèle\n- Accompagnement des utilisateurs au quotidien\n- Amélioration de l'expérience client",
    });
    expect(keyword(report, 'Accompagnement des utilisateur·rices').credit).toBeGreaterThanOrEqual(0.9);
    expect(keyword(report, 'expérience client').matches[0]).toMatchObject({
      kind: 'exact',
      text: 'expérience client',
    });
  });

  it('looks in the letter too', () => {
    const base = pair('01');
    const report = analyzeAts({
      ...base,
      letterText: "J'ai découvert le PMSI lors de mon stage chez Clinéo.",
    });
    const pmsi = keyword(report, 'PMSI');
    expect(pmsi.matches).toEqual([
      expect.objectContaining({ document: 'letter', kind: 'exact', text: 'PMSI' }),
    ]);
    expect(report.score).toBeGreaterThanOrEqual(analyzeAts(base).score);
  });
});

describe('score', () => {
  it('is deterministic', () => {
    expect(analyzeAts(pair('03'))).toEqual(analyzeAts(pair('03')));
  });

  it("ranks each offer's own CV first among the twelve", () => {
    const ids = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    for (const offerId of ids) {
      const offerText = read(`offer-${offerId}.txt`);
      const scores = ids.map((cvId) => analyzeAts({ offerText, cvText: read(`cv-${cvId}.txt`) }).score);
      const own = scores[ids.indexOf(offerId)]!;
      const bestOther = Math.max(...scores.filter((_, i) => ids[i] !== offerId));
      expect(own, `offer ${offerId}`).toBeGreaterThan(bestOther);
    }
  });

  it('applies the parseability penalties of the CV file', () => {
    const plain = analyzeAts(pair('03'));
    const report = analyzeAts({ ...pair('03'), cvFileReport: { columns: true, imageOnlyPages: 1 } });
    expect(report.keywordScore).toBe(plain.keywordScore);
    expect(report.parseability?.issues.map((issue) => issue.code)).toEqual(['columns', 'image_only_pages']);
    expect(report.parseability?.score).toBe(85);
    expect(report.score).toBe(Math.round(plain.keywordScore * 0.85));
    expect(plain.parseability).toBeUndefined();
  });

  it('scores an empty CV 0 and rejects an empty offer', () => {
    expect(analyzeAts({ offerText: read('offer-01.txt'), cvText: '' }).score).toBe(0);
    expect(() => analyzeAts({ offerText: '', cvText: 'x' })).toThrow(AppError);
  });
});

describe('limitAtsReportForFreePlan', () => {
  it('keeps the score and the five most costly missing keywords, without detail', () => {
    const report = analyzeAts(pair('06'));
    const free = limitAtsReportForFreePlan(report);
    expect(FreeAtsReportSchema.parse(free)).toEqual(free);
    expect(Object.keys(free).sort()).toEqual(['limited', 'missing', 'score']);
    expect(free.score).toBe(report.score);
    expect(free.missing.map((m) => m.term)).toEqual(report.missing.slice(0, 5).map((m) => m.term));
    expect(free.missing.every((m) => !('suggestion' in m))).toBe(true);
  });
});
