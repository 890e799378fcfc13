import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { type LetterDocument, LetterDocumentSchema, SUBJECT_LABEL, splitParagraphs } from './letter-document';

// Same blocks as the PDF, as real Word paragraphs the person can edit: the right-hand blocks are
// a left indent (not right alignment), as in a French letter typed in Word.
const RIGHT_BLOCK_INDENT = 4_800; // twips ≈ 8.5 cm
const SPACE_AFTER_BLOCK = 240;

const line = (text: string, options: { indent?: boolean; bold?: boolean; after?: number } = {}) =>
  new Paragraph({
    children: [new TextRun({ text, bold: options.bold ?? false })],
    indent: options.indent ? { left: RIGHT_BLOCK_INDENT } : undefined,
    spacing: { after: options.after ?? 0 },
  });

/** Renders a letter as an editable DOCX (A4, Arial 11), text only. */
export async function exportLetterDocx(input: LetterDocument): Promise<Uint8Array> {
  const letter = LetterDocumentSchema.parse(input);
  const children: Paragraph[] = [line(letter.sender.name, { bold: true })];
  // Each block ends with space after its last line; an empty block still leaves its gap.
  const pushBlock = (lines: string[], indent: boolean) => {
    for (const [index, text] of lines.entries()) {
      children.push(line(text, { indent, after: index === lines.length - 1 ? SPACE_AFTER_BLOCK : 0 }));
    }
  };
  pushBlock(letter.sender.lines.length > 0 ? letter.sender.lines : [''], false);
  pushBlock(letter.recipient.lines, true);
  if (letter.placeAndDate)
    children.push(line(letter.placeAndDate, { indent: true, after: SPACE_AFTER_BLOCK * 1.5 }));
  if (letter.subject) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${SUBJECT_LABEL[letter.language]} `, bold: true }),
          new TextRun({ text: letter.subject, bold: true }),
        ],
        spacing: { after: SPACE_AFTER_BLOCK * 1.5 },
      }),
    );
  }
  for (const lines of splitParagraphs(letter.body)) {
    children.push(
      new Paragraph({
        alignment: lines.length === 1 ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
        spacing: { after: 200 },
        children: lines.map((text, index) => new TextRun({ text, break: index > 0 ? 1 : 0 })),
      }),
    );
  }
  if (letter.signature) children.push(line(letter.signature, { indent: true, after: SPACE_AFTER_BLOCK * 2 }));
  if (letter.enclosure) children.push(line(letter.enclosure));

  const document = new Document({
    creator: 'Phoenix Letters',
    title: letter.subject ?? (letter.language === 'fr' ? 'Lettre de motivation' : 'Cover letter'),
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22, language: { value: letter.language === 'fr' ? 'fr-FR' : 'en-GB' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11_906, height: 16_838 }, // A4 in twips
            margin: { top: 1_134, bottom: 1_134, left: 1_418, right: 1_418 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
