import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseContract, parseOffer } from './parse-offer';
import { OfferProfileSchema } from './schemas';

const SYN = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'synthetic');

interface PairOffer {
  file: string;
  title: string;
  titleAsWritten: string;
  genderMarker: string | null;
  company: string;
  location: string;
  contractType: string;
  mustHave: string[];
  niceToHave: string[];
  values: string[];
  recruiter: { name: string; role: string | null; civility: string | null } | null;
  addressee?: string;
}

const pairs = (
  JSON.parse(readFileSync(join(SYN, 'pairs.json'), 'utf8')) as { pairs: { id: string; offer: PairOffer }[] }
).pairs;

describe('parseOffer on the synthetic pairs', () => {
  it.each(pairs.map((p) => [p.id, p.offer] as const))(
    'offer-%s reads as pairs.json says',
    (_id, expected) => {
      const offer = parseOffer(readFileSync(join(SYN, expected.file), 'utf8'));
      expect(OfferProfileSchema.safeParse(offer).success).toBe(true);
      expect(offer.title).toBe(expected.title);
      expect(offer.titleAsWritten).toBe(expected.titleAsWritten);
      expect(offer.genderMarker).toBe(expected.genderMarker);
      expect(offer.company).toBe(expected.company);
      expect(offer.location).toBe(expected.location);
      // "fonction publique (titulaire ou, à défaut, contractuel)": the kind is what must match.
      expect(offer.contractType?.split(' (')[0]).toBe(expected.contractType.split(' (')[0]);
      expect(offer.mustHave).toEqual(expected.mustHave);
      expect(offer.niceToHave).toEqual(expected.niceToHave);
      expect(offer.values.length).toBe(expected.values.length);
      for (const [i, v] of offer.values.entries()) {
        expect(v.startsWith(expected.values[i] ?? '∅')).toBe(true);
      }
      expect(offer.recruiter?.name ?? null).toBe(expected.recruiter?.name ?? null);
      expect(offer.recruiter?.role ?? null).toBe(expected.recruiter?.role ?? null);
      expect(offer.recruiter?.civility ?? null).toBe(expected.recruiter?.civility ?? null);
      expect(offer.addressee).toBe(expected.addressee ?? null);
    },
  );

  it('never reads "nos clients" as the company', () => {
    const offer = parseOffer(readFileSync(join(SYN, 'offer-01.txt'), 'utf8'));
    expect(offer.company).not.toMatch(/clients/i);
  });

  it('finds tool names among the skills', () => {
    const offer = parseOffer(readFileSync(join(SYN, 'offer-02.txt'), 'utf8'));
    expect(offer.skills).toEqual(
      expect.arrayContaining(['JavaScript', 'TypeScript', 'React', 'Git', 'Next.js', 'GraphQL', 'Storybook']),
    );
  });
});

describe('parseOffer edge cases', () => {
  it.each([
    ['empty', ''],
    ['binary', '\u0000\u00ff\ufffd'.repeat(20_000)],
    ['one huge word', 'y'.repeat(300_000)],
    ['not a string', null as unknown as string],
  ])('never throws on %s input', (_label, input) => {
    const offer = parseOffer(input);
    expect(OfferProfileSchema.safeParse(offer).success).toBe(true);
    expect(offer.mustHave).toEqual([]);
  });

  it('strips the gender marker without taking "H" as part of the title', () => {
    const offer = parseOffer(
      'Développeur Full-Stack H/F\nNovatek · Paris (75) · CDI\n\nNous aidons nos clients à grandir.',
    );
    expect(offer.title).toBe('Développeur Full-Stack');
    expect(offer.genderMarker).toBe('H/F');
    expect(offer.company).toBe('Novatek');
    expect(offer.location).toBe('Paris (75)');
  });

  it('reads a markdown offer with front matter', () => {
    const offer = parseOffer('---\ntitle: "Projet X"\n---\n\n## Le défi\n\n- Ouvrir les **données**\n');
    expect(offer.title).toBe('Projet X');
    expect(offer.missions).toEqual(['Ouvrir les données']);
  });

  it('splits a prose "Requirements:" paragraph on semicolons', () => {
    const offer = parseOffer(
      'We are looking for a Senior Backend Engineer to join us.\n\nRequirements: 4+ years of Python; experience with Docker;\nstrong SQL.\n',
    );
    expect(offer.title).toBe('Senior Backend Engineer');
    expect(offer.mustHave).toEqual(['4+ years of Python', 'experience with Docker', 'strong SQL']);
  });

  it.each([
    ['CDD de 12 mois, renouvelable', 'CDD'],
    ['Permanent, full-time', 'permanent'],
    ['Contrat en alternance', 'alternance'],
    ['ouvert par voie statutaire ou contractuelle', 'fonction publique (titulaire ou contractuel)'],
  ])('normalises the contract %s', (text, expected) => {
    expect(normaliseContract(text)).toBe(expected);
  });
});
