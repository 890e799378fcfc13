import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { CoachReportSchema, coachLetter, ENGLISH_CLICHES, type Finding, FRENCH_CLICHES } from './index';

const SYNTHETIC = join(__dirname, '../../../../shared/data/synthetic');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const data = (name: string) => readFileSync(join(SYNTHETIC, name), 'utf8');

const weakFr = fixture('weak-fr.txt');
const goodFr = fixture('good-fr.txt');
const goodEn = fixture('good-en.txt');
const cv01 = data('cv-01.txt');
const offer01 = data('offer-01.txt');

const byCode = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

describe('coachLetter on a weak, cliché-ridden French letter', () => {
  const report = coachLetter({ letterText: weakFr, cvText: cv01, offerText: offer01 });

  it('returns a report that satisfies its schema, with exact offsets', () => {
    expect(CoachReportSchema.parse(report)).toBeTruthy();
    for (const f of report.findings) {
      if (f.excerpt) expect(weakFr.slice(f.excerpt.start, f.excerpt.end)).toBe(f.excerpt.text);
      if (f.sentence) expect(weakFr.slice(f.sentence.start, f.sentence.end)).toBe(f.sentence.text);
    }
  });

  it('finds « je me permets de » with its sentence and a rewrite', () => {
    const c = report.cliches.find((x) => x.phrase.text === 'je me permets de');
    expect(c).toBeDefined();
    expect(c!.sentence.text).toBe(
      'Suite à votre annonce parue sur internet, je me permets de vous adresser ma candidature pour le poste de data analyst.',
    );
    expect(c!.rewrite).toMatch(/entrez dans le sujet/);
    const phrases = report.cliches.map((x) => x.phrase.text.toLowerCase());
    expect(phrases).toEqual(
      expect.arrayContaining([
        'suite à votre annonce',
        'dynamique et motivé',
        'force de proposition',
        "n'hésitez pas à",
      ]),
    );
  });

  it('flags the closing formula that does not repeat the salutation', () => {
    const [mismatch] = byCode(report.findings, 'closing_mismatch');
    expect(mismatch?.severity).toBe('error');
    expect(mismatch?.excerpt?.text).toBe('Monsieur le Directeur');
    expect(mismatch?.suggestion).toContain("Je vous prie d'agréer, Madame, Monsieur, l'expression");
  });

  it('flags tutoiement in the sentence where it occurs', () => {
    const [tu] = byCode(report.findings, 'tutoiement');
    expect(tu?.severity).toBe('error');
    expect(tu?.sentence?.text).toBe('Tu verras que je suis travailleur.');
    expect(report.conventions.address).toBe('mixed');
  });

  it('flags « certifié PMP » as absent from cv-01, and DAX as asked by the offer but absent', () => {
    const pmp = report.claims.find((c) => c.claim.text === 'PMP');
    expect(pmp).toMatchObject({ kind: 'certification', supported: false, inOffer: false });
    expect(pmp!.sentence.text).toBe('Je suis certifié PMP et je maîtrise Tableau et DAX.');
    expect(report.claims.find((c) => c.claim.text === 'DAX')).toMatchObject({
      supported: false,
      inOffer: true,
    });
    // "Tableau" the tool is not "tableau de bord" in the CV.
    expect(report.claims.find((c) => c.claim.text === 'Tableau')?.supported).toBe(false);
    expect(byCode(report.findings, 'unsupported_claim').length).toBeGreaterThanOrEqual(3);
  });

  it('flags the apology, the missing figures, the length and the missing subject line', () => {
    expect(byCode(report.findings, 'apologetic_framing')[0]?.excerpt?.text).toMatch(/^Malgré mon/);
    expect(byCode(report.findings, 'too_short')).toHaveLength(1);
    expect(byCode(report.findings, 'missing_subject')).toHaveLength(1);
    expect(byCode(report.findings, 'long_sentence')[0]?.sentence?.text).toMatch(/^Dynamique et motivé/);
    expect(report.criteria.find((c) => c.id === 'cliches')?.score).toBe(0);
  });
});

describe('coachLetter on a good French letter', () => {
  const good = coachLetter({ letterText: goodFr, cvText: cv01, offerText: offer01 });
  const weak = coachLetter({ letterText: weakFr, cvText: cv01, offerText: offer01 });

  it('scores clearly higher than the weak one, on every criterion that matters', () => {
    expect(good.overall).toBeGreaterThanOrEqual(85);
    expect(weak.overall).toBeLessThan(50);
    expect(good.overall - weak.overall).toBeGreaterThanOrEqual(35);
    for (const id of ['personalisation', 'proof', 'conventions', 'cliches', 'grounding'] as const) {
      const g = good.criteria.find((c) => c.id === id)!.score!;
      const w = weak.criteria.find((c) => c.id === id)!.score!;
      expect(g).toBeGreaterThan(w);
    }
  });

  it('has no error, recognises its parts and grounds every fact in the CV', () => {
    expect(good.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(good.conventions.salutation?.text).toBe('Madame, Monsieur,');
    expect(good.conventions.subject?.text).toMatch(/^Objet : Candidature/);
    expect(good.conventions.address).toBe('vous');
    expect(good.conventions.bodyWords).toBeGreaterThanOrEqual(250);
    expect(good.conventions.bodyWords).toBeLessThanOrEqual(400);
    expect(good.claims.every((c) => c.supported)).toBe(true);
    expect(good.claims.map((c) => c.claim.text)).toEqual(
      expect.arrayContaining(['Clinéo Conseil', 'PL-300']),
    );
    expect(good.criteria.find((c) => c.id === 'careerChange')?.score).toBe(10);
  });
});

describe('coachLetter on English letters', () => {
  const cv09 = data('cv-09.txt');
  const offer09 = data('offer-09.txt');

  it('finds the stock opening and accepts Dear … / Yours sincerely', () => {
    const r = coachLetter({ letterText: goodEn, cvText: cv09, offerText: offer09 });
    expect(r.language).toBe('en');
    expect(r.cliches.map((c) => c.phrase.text)).toEqual(['I am writing to apply']);
    expect(byCode(r.findings, 'closing_mismatch')).toEqual([]);
    expect(r.claims.filter((c) => !c.supported)).toEqual([]);
    expect(r.overall).toBeGreaterThanOrEqual(85);
  });

  it('flags "Dear Sir or Madam" closed with "Yours sincerely"', () => {
    const letter = goodEn.replace('Dear Hiring Team,', 'Dear Sir or Madam,');
    const r = coachLetter({ letterText: letter, cvText: cv09 });
    const [m] = byCode(r.findings, 'closing_mismatch');
    expect(m?.excerpt?.text).toBe('Yours sincerely,');
    expect(m?.suggestion).toBe('Yours faithfully,');
  });

  it('flags English clichés with a rewrite', () => {
    const letter =
      'Dear Ms Patel,\n\nAs you can see from my CV, I am a hard-working team player who can think outside the box.\n\nYours sincerely,\n\nPriya Raman';
    const r = coachLetter({ letterText: letter });
    expect(r.cliches.map((c) => c.phrase.text)).toEqual([
      'As you can see from my CV',
      'hard-working',
      'team player',
      'think outside the box',
    ]);
    expect(r.cliches.every((c) => c.rewrite.length > 20)).toBe(true);
  });
});

describe('coachLetter conventions and options', () => {
  it('accepts a named recruiter repeated as « Madame » in the formula', () => {
    const letter = goodFr
      .replace('Madame, Monsieur,\n', 'Madame Haddad,\n')
      .replace("agréer, Madame, Monsieur, l'expression", "agréer, Madame, l'expression");
    const r = coachLetter({ letterText: letter, cvText: cv01 });
    expect(byCode(r.findings, 'closing_mismatch')).toEqual([]);
    expect(byCode(r.findings, 'closing_without_civility')).toEqual([]);
  });

  it('asks for the civility when the formula omits it', () => {
    const letter = goodFr.replace("agréer, Madame, Monsieur, l'expression", "agréer l'expression");
    const [f] = byCode(coachLetter({ letterText: letter }).findings, 'closing_without_civility');
    expect(f?.suggestion).toContain("agréer, Madame, Monsieur, l'expression");
  });

  it('tolerates tutoiement (info only) when the offer tutoies and the letter does throughout', () => {
    const letter =
      "Bonjour Léa,\n\nTon appli m'a convaincu : je veux rejoindre ta squad.\n\nAu plaisir,\n\nCamille";
    const r = coachLetter({ letterText: letter, offerText: data('offer-02.txt') });
    expect(byCode(r.findings, 'tutoiement')[0]?.severity).toBe('info');
    expect(r.tone).toBe('startup');
  });

  it('marks a ceremonious formula as heavy for the startup tone', () => {
    const r = coachLetter({ letterText: goodFr, tone: 'startup' });
    expect(byCode(r.findings, 'heavy_formula')).toHaveLength(1);
    expect(r.tone).toBe('startup');
  });

  it('leaves personalisation and grounding unscored without offer and CV', () => {
    const r = coachLetter({ letterText: goodFr });
    expect(r.criteria.find((c) => c.id === 'personalisation')?.score).toBeNull();
    expect(r.criteria.find((c) => c.id === 'grounding')?.score).toBeNull();
    expect(r.claims).toEqual([]);
    expect(r.overall).toBeGreaterThan(80);
  });

  it('ships at least 25 clichés per language and rejects an empty letter', () => {
    expect(FRENCH_CLICHES.length).toBeGreaterThanOrEqual(25);
    expect(ENGLISH_CLICHES.length).toBeGreaterThanOrEqual(25);
    expect(() => coachLetter({ letterText: '' })).toThrow(AppError);
  });

  it('is deterministic', () => {
    const a = coachLetter({ letterText: weakFr, cvText: cv01, offerText: offer01 });
    const b = coachLetter({ letterText: weakFr, cvText: cv01, offerText: offer01 });
    expect(a).toEqual(b);
  });
});
