import { describe, expect, it } from 'vitest';
import { findLineDate, normaliseRange, readDateOnlyLine, stripTrailingDate } from './dates';

describe('date ranges', () => {
  it.each([
    ['2018 – 2024', '2018', '2024'],
    ['03/2025 - présent', '2025-03', null],
    ['janv. 2016 – août 2024', '2016-01', '2024-08'],
    ['Sept 2015 to July 2025', '2015-09', '2025-07'],
    ['Depuis septembre 2024', '2024-09', null],
    ["janvier 2024 – aujourd'hui", '2024-01', null],
    ['mars à mai 2025', '2025-03', '2025-05'],
    ['2025 (4 mois)', '2025', '2025'],
    ['Jan 2026 - now', '2026-01', null],
    ['March 2024 – Present', '2024-03', null],
  ])('normalises %s', (text, start, end) => {
    expect(normaliseRange(text)).toEqual({ asWritten: text, start, end });
  });

  it('finds dates before, after and alone on a line', () => {
    expect(findLineDate('2019 - 2025 : Chef de rang, Brasserie X')).toEqual({
      range: { asWritten: '2019 - 2025', start: '2019', end: '2025' },
      rest: 'Chef de rang, Brasserie X',
    });
    expect(findLineDate('Transalp – Chenôve | depuis octobre 2023 (CDD puis CDI)')?.range).toEqual({
      asWritten: 'depuis octobre 2023 (CDD puis CDI)',
      start: '2023-10',
      end: null,
    });
    expect(readDateOnlyLine('05/2014 – 09/2024')?.start).toBe('2014-05');
    expect(readDateOnlyLine('May the best win')).toBeNull();
  });

  it('strips a trailing year from a certification', () => {
    expect(stripTrailingDate('NMC registration, 2015–2025')).toBe('NMC registration');
    expect(stripTrailingDate('CACES R489 catégorie 3 (2025)')).toBe('CACES R489 catégorie 3');
  });
});
