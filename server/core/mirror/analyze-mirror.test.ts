import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { analyzeMirror, MirrorReportSchema, toBriefRegister } from './index';

const SYNTHETIC = join(__dirname, '../../../../shared/data/synthetic');
const REAL_FR = join(__dirname, '../../../../shared/data/real/offers/fr');
const FIXTURES = join(__dirname, '../coach/fixtures');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

interface Pair {
  id: string;
  offer: { values: string[]; register: { formality: string; address: string; sector: string } };
}
const pairs: Pair[] = JSON.parse(read(SYNTHETIC, 'pairs.json')).pairs;

describe('analyzeMirror on the 12 synthetic offers', () => {
  it.each(pairs.map((p) => [p.id, p] as const))(
    'offer %s: register and values match pairs.json',
    (id, pair) => {
      const report = analyzeMirror({ offerText: read(SYNTHETIC, `offer-${id}.txt`) });
      expect(MirrorReportSchema.parse(report)).toBeTruthy();
      expect({
        formality: report.register.formality.value,
        address: report.register.address.value,
        sector: report.register.sector.value,
      }).toEqual(pair.offer.register);
      expect(report.values.map((v) => v.value.toLowerCase())).toEqual(
        pair.offer.values.map((v) => v.toLowerCase()),
      );
    },
  );

  it('keeps the evidence that decided each dimension, with exact offsets', () => {
    const evidenceOf = (id: string, dim: 'formality' | 'address' | 'sector') => {
      const text = read(SYNTHETIC, `offer-${id}.txt`);
      const ev = analyzeMirror({ offerText: text }).register[dim].evidence;
      for (const e of ev) expect(text.slice(e.start, e.end)).toBe(e.text);
      return ev.map((e) => e.text);
    };
    expect(evidenceOf('02', 'address')).toContain('Tu');
    expect(evidenceOf('02', 'formality')).toContain('👋');
    expect(evidenceOf('05', 'sector')).toEqual(expect.arrayContaining(['catégorie B', 'statutaire']));
    expect(evidenceOf('06', 'sector')).toContain('12 000 collaborateurs');
    expect(evidenceOf('08', 'sector')).toEqual(
      expect.arrayContaining(['association', 'loi 1901', 'économie sociale et solidaire']),
    );
    expect(evidenceOf('09', 'sector')).toContain('Series B');
    expect(evidenceOf('12', 'sector')).toContain('plc');
    expect(evidenceOf('10', 'sector')).toContain('Borough Council');
  });

  it('recommends a tone from the register', () => {
    const tone = (id: string) =>
      analyzeMirror({ offerText: read(SYNTHETIC, `offer-${id}.txt`) }).recommendedTone;
    expect(tone('02').tone).toBe('startup');
    expect(tone('11').tone).toBe('startup');
    expect(tone('05').tone).toBe('sobre');
    expect(tone('08').tone).toBe('associatif');
    expect(tone('04').tone).toBe('creatif');
    expect(tone('06').tone).toBe('formel');
    expect(tone('08').reason).toMatch(/associati/);
  });

  it('ranks the offer vocabulary without stop words, generic job words or proper nouns', () => {
    const report = analyzeMirror({ offerText: read(SYNTHETIC, 'offer-08.txt') });
    const terms = report.vocabulary.map((v) => v.term);
    expect(terms.slice(0, 5)).toContain('insertion');
    expect(terms).toContain("chantiers d'insertion");
    for (const generic of ['poste', 'missions', 'vous', 'cdd', 'ricochet'])
      expect(terms).not.toContain(generic);
  });
});

describe('analyzeMirror on real French public-sector calls (EIG)', () => {
  const files = readdirSync(REAL_FR).filter((f) => f.endsWith('.md'));
  it.each(files)('%s reads as formal, vous, public', (file) => {
    const report = analyzeMirror({ offerText: read(REAL_FR, file) });
    expect(report.language).toBe('fr');
    expect(report.register.formality.value).toBe('formal');
    expect(report.register.address.value).toBe('vous');
    expect(report.register.sector.value).toBe('public');
  });
});

describe('alignment of a CV and a letter', () => {
  const offerText = read(SYNTHETIC, 'offer-01.txt');
  it('scores the letter that echoes the values and words above the one that does not', () => {
    const good = analyzeMirror({ offerText, letterText: read(FIXTURES, 'good-fr.txt') });
    const weak = analyzeMirror({ offerText, letterText: read(FIXTURES, 'weak-fr.txt') });
    expect(good.alignment.letter!.score).toBeGreaterThan(weak.alignment.letter!.score + 30);
    expect(good.alignment.letter!.valuesFound.map((v) => v.term)).toEqual([
      'exigence',
      'bienveillance',
      'utilité',
    ]);
    expect(weak.alignment.letter!.valuesAbsent).toEqual(['exigence', 'bienveillance', 'utilité']);
    const letter = read(FIXTURES, 'good-fr.txt');
    const hit = good.alignment.letter!.valuesFound[0]!.positions[0]!;
    expect(letter.slice(hit.start, hit.end)).toBe('exigence');
  });

  it('measures the CV too and leaves absent parts null', () => {
    const report = analyzeMirror({ offerText, cvText: read(SYNTHETIC, 'cv-01.txt') });
    expect(report.alignment.letter).toBeNull();
    expect(report.alignment.cv!.wordsFound.map((w) => w.term)).toContain('tableaux de bord');
  });
});

describe('company page and brief', () => {
  it('adds values stated on the company page', () => {
    const report = analyzeMirror({
      offerText: read(SYNTHETIC, 'offer-05.txt'),
      companyPageText: 'Nos valeurs : équité, proximité et sens du service public.',
    });
    expect(report.values.map((v) => v.value)).toEqual(['équité', 'proximité', 'sens du service public']);
    expect(report.values[0]!.source).toBe('companyPage');
  });

  it('gives the letter brief its register shape', () => {
    const brief = toBriefRegister(analyzeMirror({ offerText: read(SYNTHETIC, 'offer-02.txt') }));
    expect(brief).toMatchObject({ formality: 'informal', address: 'tu', sector: 'startup' });
    expect(brief.values).toEqual(['transparence', 'entraide', 'impact']);
    expect(brief.wordsToReuse.slice(0, 3)).toEqual(['transparence', 'entraide', 'impact']);
    expect(brief.wordsToReuse.length).toBeLessThanOrEqual(12);
  });

  it('rejects an empty offer with invalid_request', () => {
    expect(() => analyzeMirror({ offerText: '' })).toThrow(AppError);
  });
});
