// Public surface of the documents adapter: reading uploads, exporting letters.

export { exportLetterDocx } from './export-letter-docx';
export { exportLetterPdf } from './export-letter-pdf';
export type {
  DocumentMediaType,
  ExtractedDocument,
  ExtractOptions,
  ParseabilityReport,
} from './extract-document-text';
export {
  countWords,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  DOCX_MEDIA_TYPE,
  extractDocumentText,
} from './extract-document-text';
export { exportLetterText, type LetterDocument, LetterDocumentSchema } from './letter-document';
