import { z } from 'zod';

// A letter is data, never markup: every field is plain text that the exporters place as text runs.
// Control characters are removed (they would make a DOCX invalid XML) and sizes are bounded.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const plainLine = (max: number) =>
  z
    .string()
    .max(max)
    .transform((text) =>
      text
        .replace(CONTROL_CHARACTERS, '')
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .trim(),
    );
const plainBlock = (max: number) =>
  z
    .string()
    .max(max)
    .transform((text) => text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim());

/** A cover letter ready to export: blocks of a French (or English) business letter, as plain text. */
export const LetterDocumentSchema = z.object({
  language: z.enum(['fr', 'en']),
  sender: z.object({ name: plainLine(200).pipe(z.string().min(1)), lines: z.array(plainLine(300)).max(8) }),
  recipient: z.object({ lines: z.array(plainLine(300)).max(8) }),
  placeAndDate: plainLine(200).optional(),
  subject: plainLine(300).optional(),
  /** Salutation, paragraphs and closing formula; paragraphs separated by a blank line. */
  body: plainBlock(20_000).pipe(z.string().min(1)),
  signature: plainLine(200),
  /** "P.J. : CV" / "Enclosure: CV" */
  enclosure: plainLine(300).optional(),
});

/** A validated letter; build it with `LetterDocumentSchema.parse`. */
export type LetterDocument = z.infer<typeof LetterDocumentSchema>;

/** The subject label of each language ("Objet :" in French typography, with its space before the colon). */
export const SUBJECT_LABEL = { fr: 'Objet :', en: 'Subject:' } as const;

/** Splits the body into paragraphs (blank-line separated), each a list of lines. */
export function splitParagraphs(body: string): string[][] {
  return body
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** The letter as plain text, blocks in reading order separated by blank lines. */
export function exportLetterText(input: LetterDocument): string {
  const letter = LetterDocumentSchema.parse(input);
  const blocks: string[] = [[letter.sender.name, ...letter.sender.lines].filter(Boolean).join('\n')];
  if (letter.recipient.lines.length > 0) blocks.push(letter.recipient.lines.join('\n'));
  if (letter.placeAndDate) blocks.push(letter.placeAndDate);
  if (letter.subject) blocks.push(`${SUBJECT_LABEL[letter.language]} ${letter.subject}`);
  blocks.push(...splitParagraphs(letter.body).map((lines) => lines.join('\n')));
  if (letter.signature) blocks.push(letter.signature);
  if (letter.enclosure) blocks.push(letter.enclosure);
  return `${blocks.join('\n\n')}\n`;
}
