import { describe, expect, it } from 'vitest';
import { layoutPdfPages, type PdfPageItems, type PdfTextItem } from './pdf-layout';

const A4 = { width: 595, height: 842 };
const item = (text: string, x: number, y: number, size = 10): PdfTextItem => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
});
const page = (items: PdfTextItem[]): PdfPageItems => ({ ...A4, items, hasImages: false });

describe('layoutPdfPages', () => {
  it('joins runs of one baseline with spaces only where there is a gap', () => {
    const { text } = layoutPdfPages([
      page([item('Chef', 50, 700), item('de rang', 72, 700), item('s', 107, 700)]),
    ]);
    expect(text).toBe('Chef de rangs');
  });

  it('reads a sidebar before the main column when their lines do not align', () => {
    const sidebar = [
      'Contact',
      '12 impasse du Moulin, 29200 Brest',
      '06 00 00 00 00',
      'Compétences',
      'Figma, SQL',
    ].map((line, index) => item(line, 30, 760 - index * 14, 9));
    const main = [
      'Profil',
      'Comptable pendant onze ans,',
      'puis designer UX.',
      'Expérience',
      'Numéralis, Lyon',
    ].map((line, index) => item(line, 240, 755 - index * 11, 10));
    const { text, columns } = layoutPdfPages([page([...main, ...sidebar])]);
    expect(columns).toBe(true);
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Contact',
      '12 impasse du Moulin, 29200 Brest',
      '06 00 00 00 00',
      'Compétences',
      'Figma, SQL',
      'Profil',
      'Comptable pendant onze ans,',
      'puis designer UX.',
      'Expérience',
      'Numéralis, Lyon',
    ]);
  });

  it('keeps label/value rows together instead of splitting them into columns', () => {
    const rows = ['Mécanique', 'Électricité', 'Automatisme', 'Qualité', 'Outils'].flatMap((label, index) => [
      item(label, 40, 700 - index * 14),
      item(`valeur ${index}`, 300, 700 - index * 14),
    ]);
    const { text, columns } = layoutPdfPages([page(rows)]);
    expect(columns).toBe(false);
    expect(text.split('\n')[0]).toBe('Mécanique valeur 0');
  });

  it('drops a repeated footer and page numbers after their first page', () => {
    const pages = [1, 2, 3].map((number) =>
      page([
        item(`Texte de la page ${number}`, 60, 700),
        item('Sophie Nguyen — CV', 60, 40, 8),
        item(`${number} / 3`, 290, 25, 8),
      ]),
    );
    const layout = layoutPdfPages(pages);
    expect(layout.headerFooterText).toBe(true);
    expect(layout.text.match(/Sophie Nguyen/g)).toHaveLength(1);
    expect(layout.text).not.toMatch(/\d \/ 3/);
    expect(layout.text).toContain('Texte de la page 3');
  });

  it('counts pages that hold only images', () => {
    const layout = layoutPdfPages([
      page([item('Page de texte', 60, 700)]),
      { ...A4, items: [], hasImages: true },
    ]);
    expect(layout.imageOnlyPages).toBe(1);
    expect(layout.text).toBe('Page de texte');
  });
});
