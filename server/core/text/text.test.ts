import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildNgrams,
  buildPhraseKey,
  detectLanguage,
  findAliasGroup,
  foldText,
  isStopWord,
  normalizeSkillAlias,
  splitSentences,
  stemWord,
  tokenize,
} from './index';

const synthetic = (name: string) =>
  readFileSync(new URL(`../../../../shared/data/synthetic/${name}`, import.meta.url), 'utf8');
const words = (text: string, language: 'fr' | 'en' = 'fr') =>
  tokenize(text, language).map((token) => token.text);

describe('tokenize', () => {
  it('keeps accents and splits French elisions', () => {
    expect(words("L'expérience d'équipe qu'il a acquise, c'est aujourd'hui")).toEqual([
      'expérience',
      'équipe',
      'il',
      'a',
      'acquise',
      'est',
      "aujourd'hui",
    ]);
  });

  it('reduces inclusive forms to their base word and drops gender markers', () => {
    expect(words('Développeur·se web (F/H/X) pour nos utilisateur·rices')).toEqual([
      'Développeur',
      'web',
      'pour',
      'nos',
      'utilisateur',
    ]);
    expect(words('Rattaché(e) au pôle, salarié.es et technicien(ne)s H/F')).toEqual([
      'Rattaché',
      'au',
      'pôle',
      'salarié',
      'et',
      'technicien',
    ]);
    expect(words('UN·E CHARGÉ·E DE RECRUTEMENT')).toEqual(['UN', 'CHARGÉ', 'DE', 'RECRUTEMENT']);
  });

  it('keeps offsets on the source text, lowercases with accents and folds without', () => {
    const text = "Rattaché(e) à l'équipe Électricité";
    for (const token of tokenize(text, 'fr')) expect(text.slice(token.start, token.end)).toBe(token.text);
    const last = tokenize(text, 'fr').at(-1);
    expect(last).toMatchObject({ text: 'Électricité', lower: 'électricité', fold: 'electricite' });
  });

  it('keeps tool names whole and splits hyphenated words without a phrase break', () => {
    expect(words('Next.js, C++/JUCE, tests A/B, front-end', 'en')).toEqual([
      'Next.js',
      'C++',
      'JUCE',
      'tests',
      'A/B',
      'front',
      'end',
    ]);
    const [front, end] = tokenize('front-end', 'en');
    expect(front?.breakBefore).toBe(true);
    expect(end?.breakBefore).toBe(false);
    expect(tokenize('SQL, Python', 'en')[1]?.breakBefore).toBe(true);
  });

  it('reads a real French offer: inclusive title, emoji headings, elisions', () => {
    const folds = tokenize(synthetic('offer-02.txt'), 'fr').map((token) => token.fold);
    expect(folds.slice(0, 4)).toEqual(['developpeur', 'web', 'front', 'end']);
    expect(folds).toContain('utilisateur');
    expect(folds).not.toContain('f/h/x');
    expect(folds).not.toContain('l');
    expect(folds).toContain('accessibilite');
  });
});

describe('fold, stem, stop words', () => {
  it('folds case, accents and ligatures', () => {
    expect(foldText('Œuvre Électrique Cœur')).toBe('oeuvre electrique coeur');
  });

  it('stems French and English words to shared roots', () => {
    expect(stemWord('données', 'fr')).toBe(stemWord('donnée', 'fr'));
    expect(stemWord('entretiens', 'fr')).toBe(stemWord('entretien', 'fr'));
    expect(stemWord('testing', 'en')).toBe(stemWord('tests', 'en'));
    expect(stemWord('automation', 'en')).toBe(stemWord('automated', 'en'));
    expect(stemWord('vst3', 'en')).toBe('vst3');
  });

  it('uses stopwords-iso but keeps content words that are skills', () => {
    expect(isStopWord('les', 'fr')).toBe(true);
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('web', 'en')).toBe(false);
    expect(isStopWord('test', 'en')).toBe(false);
    expect(isStopWord('research', 'en')).toBe(false);
  });
});

describe('detectLanguage', () => {
  it('tells French from English on real CVs and offers', () => {
    expect(detectLanguage(synthetic('cv-01.txt'))).toBe('fr');
    expect(detectLanguage(synthetic('offer-03.txt'))).toBe('fr');
    expect(detectLanguage(synthetic('cv-09.txt'))).toBe('en');
    expect(detectLanguage(synthetic('offer-11.txt'))).toBe('en');
  });

  it('falls back on function words for short texts', () => {
    expect(detectLanguage('Je suis infirmier')).toBe('fr');
    expect(detectLanguage('I am a nurse and a tester')).toBe('en');
    expect(detectLanguage('')).toBe('fr');
  });
});

describe('sentences and n-grams', () => {
  it('splits sentences and lines with offsets, not after abbreviations', () => {
    const text = 'Bonjour M. Dupont. Je suis là.\n- Python, SQL\nFin';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Bonjour M. Dupont.',
      'Je suis là.',
      'Python, SQL',
      'Fin',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('builds contiguous n-grams', () => {
    expect(buildNgrams(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'a b', 'b', 'b c', 'c']);
  });
});

describe('skill aliases', () => {
  it('normalises nicknames and translations to one canonical name', () => {
    expect(normalizeSkillAlias('K8s')).toBe('Kubernetes');
    expect(normalizeSkillAlias('JS')).toBe('JavaScript');
    expect(normalizeSkillAlias('TS')).toBe('TypeScript');
    expect(normalizeSkillAlias('gestion de projets')).toBe('project management');
    expect(normalizeSkillAlias('Visualisation des données')).toBe('data visualisation');
    expect(normalizeSkillAlias('data visualization', 'en')).toBe('data visualisation');
    expect(normalizeSkillAlias('tests A/B')).toBe('A/B testing');
    expect(normalizeSkillAlias("conduite d'entretiens")).toBe('interviewing');
    expect(normalizeSkillAlias('Kotlin')).toBe('Kotlin');
  });

  it('tells the category of a known skill', () => {
    expect(findAliasGroup("esprit d'équipe")?.category).toBe('soft');
    expect(findAliasGroup('permis B')?.category).toBe('education');
  });

  it('builds phrase keys without stop words', () => {
    expect(buildPhraseKey("Gestion de l'expérience", 'fr', 'fold')).toBe('gestion experience');
  });
});
