/**
 * A letter as a file: the sender block from the CV, the recipient block from the offer, then the
 * text as written (it already carries place and date, subject, salutation and closing when the
 * writer put them there; they are not repeated). DOCX is Premium; PDF and text are for everyone.
 */
import { AppError } from '../../core/errors';
import type { CvProfile, OfferProfile } from '../../core/profile/schemas';
import type { LetterRecord } from '../../ports/document-stores';
import { effectiveProfile } from '../documents/document-service';
import { requireFeature } from '../plans/plan-service';
import type { LetterDeps } from './letter-deps';
import { getLetter } from './letter-service';

export type ExportFormat = 'pdf' | 'docx' | 'txt';

/** The blocks of a business letter, as plain text (the documents adapter lays them out). */
export interface LetterBlocks {
  language: 'fr' | 'en';
  sender: { name: string; lines: string[] };
  recipient: { lines: string[] };
  body: string;
  signature: string;
  enclosure?: string;
}

export interface LetterExporter {
  pdf(blocks: LetterBlocks): Promise<Uint8Array>;
  docx(blocks: LetterBlocks): Promise<Uint8Array>;
  text(blocks: LetterBlocks): string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
};

export function buildLetterBlocks(
  letter: LetterRecord,
  content: string,
  cv: CvProfile | null,
  offer: OfferProfile | null,
): LetterBlocks {
  const name = cv?.name ?? '';
  const contact = cv?.contact;
  const senderLines = [contact?.address ?? contact?.location, contact?.phone, contact?.email].filter(
    (line): line is string => Boolean(line),
  );
  const recruiter = offer?.recruiter
    ? [offer.recruiter.name, offer.recruiter.role].filter(Boolean).join(', ')
    : null;
  const recipientLines = [
    offer?.company ?? letter.company,
    offer?.addressee ?? recruiter,
    offer?.location,
  ].filter((line): line is string => Boolean(line));
  // The writer ends with the signature line (the candidate's name): do not sign twice.
  const lastLine = content.trim().split('\n').at(-1)?.trim() ?? '';
  const signed = name !== '' && lastLine === name;
  return {
    language: letter.language,
    sender: { name: name || (letter.language === 'fr' ? 'Candidat·e' : 'Candidate'), lines: senderLines },
    recipient: { lines: recipientLines },
    body: signed ? content.trim().split('\n').slice(0, -1).join('\n') : content,
    signature: name,
    enclosure: letter.language === 'fr' ? 'P.J. : CV' : 'Enclosure: CV',
  };
}

export async function exportLetter(
  deps: LetterDeps & { exporter: LetterExporter },
  userId: string,
  id: string,
  format: ExportFormat,
) {
  if (format === 'docx') await requireFeature(deps.plans, userId, 'export_docx');
  const { letter, current } = await getLetter(deps.letters, userId, id);
  if (!current) {
    throw new AppError('conflict', {
      fr: 'Cette lettre n’a pas encore de texte.',
      en: 'This letter has no text yet.',
    });
  }
  const cvDoc = letter.cvDocumentId ? await deps.documents.documents.get(userId, letter.cvDocumentId) : null;
  const offerDoc = letter.offerDocumentId
    ? await deps.documents.documents.get(userId, letter.offerDocumentId)
    : null;
  const blocks = buildLetterBlocks(
    letter,
    current.content,
    cvDoc ? effectiveProfile<CvProfile>(cvDoc) : null,
    offerDoc ? effectiveProfile<OfferProfile>(offerDoc) : null,
  );
  const body =
    format === 'pdf'
      ? await deps.exporter.pdf(blocks)
      : format === 'docx'
        ? await deps.exporter.docx(blocks)
        : deps.exporter.text(blocks);
  const safeTitle =
    letter.title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 60) || 'lettre';
  return { body, contentType: CONTENT_TYPES[format], filename: `${safeTitle}.${format}` };
}
