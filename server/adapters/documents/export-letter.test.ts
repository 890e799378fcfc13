import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { exportLetterDocx } from './export-letter-docx';
import { exportLetterPdf } from './export-letter-pdf';
import { exportLetterText, type LetterDocument, LetterDocumentSchema } from './letter-document';
import { toWinAnsi } from './to-win-ansi';

const LETTER: LetterDocument = {
  language: 'fr',
  sender: { name: 'Élodie Lœuvre', lines: ['12 rue des Écoles', '69007 Lyon', 'elodie.loeuvre@example.fr'] },
  recipient: { lines: ['Numéralis', 'Service recrutement', '3 place Bellecour', '69002 Lyon'] },
  placeAndDate: 'Lyon, le 25 novembre 2026',
  subject: 'Candidature au poste de UX designer (F/H)',
  body: [
    'Madame, Monsieur,',
    "Comptable pendant onze ans, j'ai appris à voir l'écart avant qu'il ne coûte « 10 000 € » à un client ; ça m'a menée vers l'œuvre du design centré utilisateur, que j'espère servir chez vous.",
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
  ].join('\n\n'),
  signature: 'Élodie Lœuvre',
  enclosure: 'P.J. : CV',
};

const ACCENTS = ['é', 'è', 'à', 'ç', 'œ', '«', '»', '€'];
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Asserts that each needle occurs, in this order. */
function expectInOrder(text: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const index = text.indexOf(needle, from);
    expect(index, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(from);
    from = index + needle.length;
  }
}

const BLOCK_ORDER = [
  'Élodie Lœuvre',
  '69007 Lyon',
  'Numéralis',
  '69002 Lyon',
  'Lyon, le 25 novembre 2026',
  'Objet : Candidature au poste de UX designer (F/H)',
  'Madame, Monsieur,',
  'Comptable pendant onze ans',
  'salutations distinguées.',
  'Élodie Lœuvre',
  'P.J. : CV',
];

describe('letter exports', () => {
  it('writes a PDF that reads back with its accents and its blocks in order', async () => {
    const pdf = await exportLetterPdf(LETTER);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBe(1);
    for (const accent of ACCENTS) expect(text).toContain(accent);
    expectInOrder(flat(text), BLOCK_ORDER);
    expect(flat(text)).toContain('« 10 000 € »');
  });

  it('writes an editable DOCX that reads back with its accents and its blocks in order', async () => {
    const docx = await exportLetterDocx(LETTER);
    const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(messages).toEqual([]);
    for (const accent of ACCENTS) expect(value).toContain(accent);
    expectInOrder(flat(value), BLOCK_ORDER);
  });

  it('writes plain text with blank lines between blocks', () => {
    const text = exportLetterText(LETTER);
    expectInOrder(text, BLOCK_ORDER);
    expect(text).toContain('3 place Bellecour\n69002 Lyon\n\nLyon, le 25 novembre 2026\n\nObjet :');
    expect(
      exportLetterText({ ...LETTER, language: 'en', subject: 'Application', enclosure: 'Enclosure: CV' }),
    ).toContain('Subject: Application');
  });

  it('prints markup as text and never breaks on control or non-WinAnsi characters', async () => {
    const hostile: LetterDocument = {
      ...LETTER,
      subject: 'Test <w:t>x</w:t> & <script>alert(1)</script>',
      body: 'Madame,\n\nŝ → ✓ 😀 \u0001 ł <b>gras</b> ]]> &amp;\n\nCordialement.',
    };
    const docx = await exportLetterDocx(hostile);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(value).toContain('<script>alert(1)</script>');
    expect(value).toContain('<b>gras</b> ]]> &amp;');
    expect(value).not.toContain('\u0001');
    const { text } = await extractText(await exportLetterPdf(hostile), { mergePages: true });
    expect(flat(text)).toContain('s -> ł'.replace('ł', 'l'));
    expect(text).toContain('<b>gras</b>');
  });

  it('maps characters outside WinAnsi for the PDF font', () => {
    expect(toWinAnsi('« 10\u202f000 € » œ ŝ ł → 😀')).toBe('« 10\u00a0000 € » œ s l -> ');
  });

  it('validates a letter: a sender name and a body are required', () => {
    expect(LetterDocumentSchema.safeParse({ ...LETTER, body: '   ' }).success).toBe(false);
    expect(LetterDocumentSchema.safeParse({ ...LETTER, sender: { name: '', lines: [] } }).success).toBe(
      false,
    );
    expect(LetterDocumentSchema.parse({ ...LETTER, subject: 'Ligne\nunique' }).subject).toBe('Ligne unique');
  });
});
