import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyHeading, cleanJobTitle, extractOfferKeywords, findOfferTitle, isCodeLike } from './index';

const offer = (id: string) =>
  readFileSync(new URL(`../../../../shared/data/synthetic/offer-${id}.txt`, import.meta.url), 'utf8');
const byTerm = (id: string) => new Map(extractOfferKeywords(offer(id)).keywords.map((k) => [k.term, k]));

describe('extractOfferKeywords', () => {
  it('offer 01: must-have skills, nice-to-have skills, title and weights', () => {
    const result = extractOfferKeywords(offer('01'));
    expect(result.language).toBe('fr');
    expect(result.title).toBe('Data Analyst');
    const keywords = new Map(result.keywords.map((k) => [k.term, k]));
    for (const term of [
      'SQL',
      'Power BI',
      'Python',
      'Excel',
      'Statistiques descriptives',
      'Visualisation de données',
    ]) {
      expect(keywords.get(term), term).toMatchObject({ section: 'must', required: true, category: 'hard' });
    }
    for (const term of ['PMSI', 'DAX', 'dbt']) {
      expect(keywords.get(term), term).toMatchObject({ section: 'nice', required: false });
    }
    expect(keywords.get('milieu hospitalier')).toMatchObject({ section: 'nice', category: 'other' });
    expect(keywords.get('Data Analyst')?.category).toBe('title');
    // Mentioned twice (missions and requirements): ranks above a single nice-to-have.
    expect(keywords.get('Power BI')?.frequency).toBe(2);
    expect(keywords.get('Power BI')!.weight).toBeGreaterThan(keywords.get('DAX')!.weight);
    // Nothing from the company blurb, the salary or the application line.
    expect(keywords.has('Toulouse')).toBe(false);
    expect([...keywords.keys()].some((term) => /télétravail|hôpitaux/i.test(term))).toBe(false);
  });

  it('offer 02: emoji headings and tutoiement ("Ce qu\'on attend de toi", "Ce serait top si")', () => {
    const keywords = byTerm('02');
    for (const term of ['JavaScript', 'TypeScript', 'React', 'HTML', 'CSS', 'Git', 'tests unitaires']) {
      expect(keywords.get(term)?.required, term).toBe(true);
    }
    for (const term of ['Next.js', 'GraphQL', 'Storybook', 'éducation']) {
      expect(keywords.get(term)?.section, term).toBe('nice');
    }
    expect(keywords.has('BSPCE')).toBe(false);
  });

  it('offer 03: requirements written in prose, with "serait un plus" cues', () => {
    const keywords = byTerm('03');
    expect(keywords.get('hydraulique')?.section).toBe('must');
    expect(keywords.get('schéma électrique')?.section).toBe('must');
    expect(keywords.get('habilitation électrique')).toMatchObject({ section: 'must', category: 'education' });
    expect(keywords.get('BTS Maintenance des systèmes')?.category).toBe('education');
    expect(keywords.get('CACES R489')).toMatchObject({ section: 'nice', category: 'education' });
    for (const term of ['HACCP', 'TPM', 'automatisme', 'agroalimentaire']) {
      expect(keywords.get(term)?.section, term).toBe('nice');
    }
    expect(keywords.get('Rigueur')?.category).toBe('soft');
  });

  it('offer 10 and 12: Essential / Desirable, Essential requirements / Preferred qualifications', () => {
    const council = byTerm('10');
    expect(council.get('employment law')?.section).toBe('must');
    expect(council.get('recruitment and selection')?.section).toBe('must');
    expect(council.get('CIPD Level 5')?.category).toBe('education');
    expect(council.get('iTrent')?.section).toBe('nice');
    expect(council.get('job evaluation')?.section).toBe('nice');
    const saas = byTerm('12');
    expect(saas.get('HubSpot')?.section).toBe('must');
    expect(saas.get('Gainsight')?.section).toBe('nice');
  });

  it("offer 09 and 11: What you'll need / Nice to have, You'll probably have / Bonus points for", () => {
    const tester = byTerm('09');
    expect(tester.get('manual testing')?.section).toBe('must');
    expect(tester.get('Test automation')?.section).toBe('nice');
    expect(tester.get('ISTQB Foundation')).toMatchObject({ section: 'nice', category: 'education' });
    const audio = byTerm('11');
    expect(audio.get('C++')?.required).toBe(true);
    expect(audio.get('digital signal processing')?.section).toBe('must');
    expect(audio.get('Rust')?.section).toBe('nice');
    expect(audio.get('GitHub Actions')?.section).toBe('nice');
  });

  it('is deterministic', () => {
    expect(extractOfferKeywords(offer('06'))).toEqual(extractOfferKeywords(offer('06')));
  });
});

describe('offer structure helpers', () => {
  it('finds the title: first line, "Job title:" label, or after "recrute"', () => {
    expect(findOfferTitle(offer('10')).text).toBe('HR Advisor');
    expect(findOfferTitle(offer('05')).text).toBe('UN·E CHARGÉ·E DE RECRUTEMENT ET DE GESTION DES CARRIÈRES');
    expect(findOfferTitle(offer('08')).text).toBe('Conseiller·ère en insertion professionnelle (H/F)');
    expect(cleanJobTitle('Data Analyst junior H/F')).toBe('Data Analyst');
    expect(cleanJobTitle('Customer Success Manager – Mid-Market (EMEA)')).toBe('Customer Success Manager');
    expect(cleanJobTitle('UN·E CHARGÉ·E DE RECRUTEMENT')).toBe('CHARGÉ·E DE RECRUTEMENT');
  });

  it('classifies French, English and emoji headings', () => {
    expect(classifyHeading('Compétences requises')).toBe('must');
    expect(classifyHeading('Compétences appréciées :')).toBe('nice');
    expect(classifyHeading('✨ Ce serait top si')).toBe('nice');
    expect(classifyHeading('🎯 Ce qu’on attend de toi')).toBe('must');
    expect(classifyHeading('Vos missions')).toBe('missions');
    expect(classifyHeading("What you'll need")).toBe('must');
    expect(classifyHeading('Desirable')).toBe('nice');
    expect(classifyHeading('Bonus points for')).toBe('nice');
    expect(classifyHeading('About us')).toBe('company');
    expect(classifyHeading('Rédaction des fiches de poste et des annonces')).toBeUndefined();
  });

  it('recognises code-shaped terms', () => {
    for (const term of ['SQL', 'VST3', 'C++', 'Next.js', 'HubSpot', 'iTrent', 'R489'])
      expect(isCodeLike(term), term).toBe(true);
    for (const term of ['CDI', 'cuisine', 'Excel', 'UK']) expect(isCodeLike(term), term).toBe(false);
  });
});
