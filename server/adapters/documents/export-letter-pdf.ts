import PDFDocument from 'pdfkit';
import { type LetterDocument, LetterDocumentSchema, SUBJECT_LABEL, splitParagraphs } from './letter-document';
import { toWinAnsi } from './to-win-ansi';

// A4 in points and the usual 2.5 cm side margins of a French business letter.
const MARGIN = 71;
const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN;
// The recipient, place/date and signature blocks start at the middle of the page, text aligned
// left inside the block: the French convention (and the window of a DL envelope).
const RIGHT_BLOCK_X = 310;
const RIGHT_BLOCK_WIDTH = A4_WIDTH - MARGIN - RIGHT_BLOCK_X;
const FONT_SIZE = 11;
const LINE_GAP = 2;

/** Renders a letter as an A4 PDF with Helvetica (WinAnsi: accents, œ, €, « » print; other characters are mapped or dropped). */
export async function exportLetterPdf(input: LetterDocument): Promise<Uint8Array> {
  const letter = LetterDocumentSchema.parse(input);
  const document = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN - 14, bottom: MARGIN - 14, left: MARGIN, right: MARGIN },
    lang: letter.language === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: {
      Title: letter.subject ?? (letter.language === 'fr' ? 'Lettre de motivation' : 'Cover letter'),
      Author: letter.sender.name,
      Creator: 'Phoenix Letters',
    },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    document.on('end', resolve);
    document.on('error', reject);
  });

  const text = (value: string) => toWinAnsi(value);
  document.font('Helvetica').fontSize(FONT_SIZE).lineGap(LINE_GAP);

  // Sender, top left, name in bold.
  document.font('Helvetica-Bold').text(text(letter.sender.name), MARGIN, document.page.margins.top, {
    width: CONTENT_WIDTH / 2,
  });
  document.font('Helvetica');
  for (const line of letter.sender.lines) document.text(text(line), { width: CONTENT_WIDTH / 2 });
  const senderBottom = document.y;

  // Recipient, right block, a little lower than the sender's first line.
  document.y = document.page.margins.top + 3 * (FONT_SIZE + LINE_GAP);
  for (const line of letter.recipient.lines)
    document.text(text(line), RIGHT_BLOCK_X, document.y, { width: RIGHT_BLOCK_WIDTH });
  document.y = Math.max(document.y, senderBottom) + 2 * FONT_SIZE;

  if (letter.placeAndDate) {
    document.text(text(letter.placeAndDate), RIGHT_BLOCK_X, document.y, { width: RIGHT_BLOCK_WIDTH });
    document.moveDown(1.5);
  }
  if (letter.subject) {
    document
      .font('Helvetica-Bold')
      .text(`${text(SUBJECT_LABEL[letter.language])} ${text(letter.subject)}`, MARGIN, document.y, {
        width: CONTENT_WIDTH,
      })
      .font('Helvetica');
    document.moveDown(1.5);
  }

  for (const lines of splitParagraphs(letter.body)) {
    // Lines inside a paragraph (an address in the body, a list) stay lines; only prose is justified.
    document.text(text(lines.join('\n')), MARGIN, document.y, {
      width: CONTENT_WIDTH,
      align: lines.length === 1 ? 'justify' : 'left',
    });
    document.moveDown(0.9);
  }

  if (letter.signature) {
    document.moveDown(0.6);
    document.text(text(letter.signature), RIGHT_BLOCK_X, document.y, { width: RIGHT_BLOCK_WIDTH });
  }
  if (letter.enclosure) {
    document.moveDown(2.5);
    document.text(text(letter.enclosure), MARGIN, document.y, { width: CONTENT_WIDTH });
  }
  document.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
