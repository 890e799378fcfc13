import { AppError, type ErrorCode } from '../../core/errors';

// Every refusal of an uploaded document says what happened and what the person can do next, in
// both languages of the product. `details.reason` is stable so clients and tests can tell cases apart.

const ACCEPTED_FR = 'Formats acceptés : PDF avec texte, Word (.docx) ou texte brut (.txt).';
const ACCEPTED_EN = 'Accepted formats: PDF with text, Word (.docx) or plain text (.txt).';

const MESSAGES = {
  empty_file: [
    'unsupported_file',
    `Le fichier est vide. ${ACCEPTED_FR}`,
    `The file is empty. ${ACCEPTED_EN}`,
  ],
  unknown_format: [
    'unsupported_file',
    `Ce type de fichier n'est pas pris en charge. ${ACCEPTED_FR}`,
    `This file type is not supported. ${ACCEPTED_EN}`,
  ],
  name_mismatch: [
    'unsupported_file',
    `Le contenu du fichier ne correspond pas à son extension (il a sans doute été renommé). Exportez-le à nouveau depuis votre logiciel. ${ACCEPTED_FR}`,
    `The file's content does not match its extension (it was probably renamed). Export it again from your software. ${ACCEPTED_EN}`,
  ],
  legacy_word: [
    'unsupported_file',
    "L'ancien format Word (.doc) n'est pas pris en charge : enregistrez le document en .docx ou en PDF.",
    'The old Word format (.doc) is not supported: save the document as .docx or PDF.',
  ],
  macro_document: [
    'unsupported_file',
    'Les documents Word contenant des macros (.docm) sont refusés par sécurité : enregistrez-le en .docx (« Document Word ») ou en PDF.',
    'Word documents with macros (.docm) are refused for security: save it as .docx ("Word Document") or PDF.',
  ],
  not_word_zip: [
    'unsupported_file',
    `Cette archive n'est pas un document Word. ${ACCEPTED_FR}`,
    `This archive is not a Word document. ${ACCEPTED_EN}`,
  ],
  binary_text: [
    'unsupported_file',
    `Ce fichier n'est pas du texte lisible. ${ACCEPTED_FR}`,
    `This file is not readable text. ${ACCEPTED_EN}`,
  ],
  too_large: [
    'payload_too_large',
    'Le fichier est trop volumineux (5 Mo au maximum). Un CV ou une offre tient en quelques pages : exportez une version sans images lourdes.',
    'The file is too large (5 MB at most). A CV or a job offer fits in a few pages: export a version without heavy images.',
  ],
  too_complex: [
    'payload_too_large',
    'Ce document est trop volumineux une fois décompressé pour être lu sans risque. Exportez-le à nouveau, ou collez son texte.',
    'This document is too large once decompressed to be read safely. Export it again, or paste its text.',
  ],
  corrupt_zip: [
    'unreadable_file',
    'Ce document Word est endommagé ou incomplet. Ouvrez-le et enregistrez-le à nouveau, ou collez son texte.',
    'This Word document is damaged or incomplete. Open it and save it again, or paste its text.',
  ],
  encrypted_pdf: [
    'unreadable_file',
    'Ce PDF est protégé par un mot de passe. Retirez le mot de passe et exportez-le à nouveau, ou collez son texte.',
    'This PDF is password-protected. Remove the password and export it again, or paste its text.',
  ],
  corrupt_pdf: [
    'unreadable_file',
    'Ce PDF est endommagé ou incomplet. Exportez-le à nouveau depuis votre logiciel, ou collez son texte.',
    'This PDF is damaged or incomplete. Export it again from your software, or paste its text.',
  ],
  image_only: [
    'unreadable_file',
    'Ce PDF ne contient que des images (un scan ?) : exportez-le à nouveau en texte, ou collez le texte.',
    'This PDF contains only images (a scan?): export it again as text, or paste the text.',
  ],
  no_text: [
    'unreadable_file',
    "Aucun texte n'a été trouvé dans ce document. Vérifiez le fichier, ou collez son texte.",
    'No text was found in this document. Check the file, or paste its text.',
  ],
  timeout: [
    'unreadable_file',
    'La lecture de ce document a pris trop de temps et a été interrompue. Exportez-le à nouveau, ou collez son texte.',
    'Reading this document took too long and was stopped. Export it again, or paste its text.',
  ],
  parser_failed: [
    'unreadable_file',
    "Ce document n'a pas pu être lu. Exportez-le à nouveau, ou collez son texte.",
    'This document could not be read. Export it again, or paste its text.',
  ],
} as const satisfies Record<string, readonly [ErrorCode, string, string]>;

/** Why a document was refused; also the value of `details.reason` on the error. */
export type DocumentFailure = keyof typeof MESSAGES;

/** Builds the AppError for a refused document, with a message in French and English. */
export function createDocumentError(
  reason: DocumentFailure,
  details: Record<string, unknown> = {},
): AppError {
  const [code, fr, en] = MESSAGES[reason];
  return new AppError(code, { fr, en }, { reason, ...details });
}
