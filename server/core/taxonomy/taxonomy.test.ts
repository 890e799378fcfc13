import { describe, expect, it } from 'vitest';
import { findOccupation, getTaxonomy, lookupSkill, skillsOfOccupation, splitGenderedLabel } from './index';

describe('taxonomy data', () => {
  it('ships ESCO and ROME with attribution', () => {
    const taxonomy = getTaxonomy();
    expect(taxonomy.attribution).toContain('© European Union, ESCO');
    expect(taxonomy.attribution).toContain('ROME v3.47');
    expect(taxonomy.skillCount).toBeGreaterThan(20_000);
    expect(taxonomy.occupationCount).toBeGreaterThan(3_000);
  });
});

describe('findOccupation', () => {
  it.each([
    ['aide-soignant(e)', 'nurse assistant'],
    ['Aide-soignante', 'nurse assistant'],
    ['infirmier', 'nurse responsible for general care'],
    ['Infirmier anesthésiste', 'anaesthetic technician'],
    ['Infirmière', 'nurse responsible for general care'],
    ['analyste SOC', 'ICT security administrator'],
    ['Data Analyst', 'data analyst'],
    ['boulanger', 'baker'],
    ['Boulangère', 'baker'],
    ['Développeur·se web front-end', 'web developer'],
    ['Conseiller·ère en insertion professionnelle', 'employment support worker'],
  ])('%s → %s', (label, expected) => {
    expect(findOccupation(label)?.labelEn).toBe(expected);
  });

  it('finds ROME job sheets for French-only titles', () => {
    const occupation = findOccupation('Technicien de maintenance industrielle');
    expect(occupation?.source).toBe('rome');
    expect(occupation?.id).toBe('rome:I1304');
  });

  it('returns nothing for a label it cannot place', () => {
    expect(findOccupation('zzqx wobble')).toBeUndefined();
  });
});

describe('skillsOfOccupation', () => {
  it('lists essential and optional skills', () => {
    const baker = findOccupation('boulanger');
    expect(baker).toBeDefined();
    const skills = skillsOfOccupation(baker!);
    expect(skills.essential.length).toBeGreaterThan(20);
    expect(skills.optional.length).toBeGreaterThan(20);
    const analyst = skillsOfOccupation(findOccupation('data analyst')!);
    const labels = [...analyst.essential, ...analyst.optional].map((skill) => skill.labelEn);
    expect(labels).toContain('data mining');
  });

  it('answers empty lists for an unknown id', () => {
    expect(skillsOfOccupation('esco:0')).toEqual({ essential: [], optional: [] });
  });
});

describe('lookupSkill', () => {
  it('finds skills by label in either language', () => {
    expect(lookupSkill('Python')?.id).toBe('esco:11128');
    expect(lookupSkill('gestion de projet')?.labelEn).toBe('project management');
    expect(lookupSkill('project management')?.labelFr).toBe('gestion de projets');
    expect(lookupSkill('hydraulique')?.labelEn).toBe('hydraulics');
  });

  it('uses the hand alias table for nicknames ESCO lacks', () => {
    expect(lookupSkill('K8s')).toMatchObject({ id: 'alias:kubernetes', labelEn: 'Kubernetes' });
    expect(lookupSkill("travail d'équipe")?.kind).toBe('soft');
  });

  it('does not trust a short French stem alone', () => {
    // "utilisateur" and "utiliser" share the stem "utilis".
    expect(lookupSkill('utilisateur', 'fr')).toBeUndefined();
  });
});

describe('splitGenderedLabel', () => {
  it('completes the masculine form with the shared tail', () => {
    expect(splitGenderedLabel("Agent / Agente d'accueil social")).toEqual([
      "Agent d'accueil social",
      "Agente d'accueil social",
    ]);
    expect(splitGenderedLabel('boulanger/boulangère')).toEqual(['boulanger', 'boulangère']);
    expect(splitGenderedLabel('data analyst')).toEqual(['data analyst']);
  });
});
