import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { decodeTextFile, normalizeLineEnds } from './decode-text';
import { createDocumentError } from './document-errors';
import { inspectDocx } from './inspect-docx';
import { layoutPdfPages } from './pdf-layout';
import { runExtractWorker } from './run-extract-worker';

/** The DOCX media type. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Media types an upload can turn out to be, decided from its bytes. */
export type DocumentMediaType = 'application/pdf' | typeof DOCX_MEDIA_TYPE | 'text/plain';

/** Layout facts an ATS cares about: text in columns, tables, headers/footers or images is often lost. */
export interface ParseabilityReport {
  columns: boolean;
  tables: boolean;
  headerFooterText: boolean;
  imageOnlyPages: number;
  /** DOCX text boxes (PDF: always false). */
  textBoxes: boolean;
}

/** The text of an uploaded CV or offer and what was learned while reading it. */
export interface ExtractedDocument {
  text: string;
  mediaType: DocumentMediaType;
  pages?: number;
  wordCount: number;
  report: ParseabilityReport;
}

/** Options of one extraction; the defaults suit an upload handler. */
export interface ExtractOptions {
  /** Only used to refuse a file whose content contradicts its extension, never to pick a parser. */
  filename?: string;
  maxBytes?: number;
  timeoutMs?: number;
  /** Heap cap of the parsing worker, in MB. */
  maxHeapMb?: number;
}

/** Default upload cap: 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Default deadline for parsing one file. */
export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_HEAP_MB = 128;

const NO_REPORT: ParseabilityReport = {
  columns: false,
  tables: false,
  headerFooterText: false,
  imageOnlyPages: 0,
  textBoxes: false,
};

/**
 * Reads the text of an uploaded PDF, DOCX or plain-text file. The type comes from the content
 * (magic bytes); parsing runs in a worker with a heap cap and a deadline; every refusal is an
 * AppError (`payload_too_large`, `unsupported_file`, `unreadable_file`) with a French and English message.
 */
export async function extractDocumentText(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes)
    throw createDocumentError('too_large', { bytes: bytes.byteLength, maxBytes });
  if (bytes.byteLength === 0) throw createDocumentError('empty_file');
  const kind = await detectKind(bytes);
  checkExtension(options.filename, kind);
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
  };
  if (kind === 'text') {
    const { text } = decodeTextFile(bytes);
    return finish(text, 'text/plain', undefined, NO_REPORT);
  }
  if (kind === 'pdf') {
    const output = await runExtractWorker('pdf', bytes, limits);
    if (output.kind !== 'pdf') throw createDocumentError('parser_failed');
    const layout = layoutPdfPages(output.pages);
    if (layout.text.trim() === '') {
      throw createDocumentError(layout.imageOnlyPages > 0 ? 'image_only' : 'no_text', {
        pages: output.pages.length,
      });
    }
    const { text, ...report } = layout;
    return finish(text, 'application/pdf', output.pages.length, { ...report, textBoxes: false });
  }
  const inspection = await inspectDocx(bytes);
  const output = await runExtractWorker('docx', bytes, limits);
  if (output.kind !== 'docx') throw createDocumentError('parser_failed');
  const body = output.text;
  // mammoth skips headers and footers; contact details often live there, so keep any header
  // text the body does not already contain, on top, as a reader would see it.
  const extra = inspection.headerFooterText
    .split('\n')
    .filter((line) => line.trim() !== '' && !body.includes(line.trim()))
    .join('\n');
  return finish(extra ? `${extra}\n\n${body}` : body, DOCX_MEDIA_TYPE, undefined, {
    columns: inspection.columns,
    tables: inspection.tables,
    headerFooterText: inspection.headerFooterText.trim() !== '',
    imageOnlyPages: 0,
    textBoxes: inspection.textBoxes,
  });
}

/** Counts words as letters/digits runs, with inner apostrophes and hyphens (l'équipe, chef-fe). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function finish(
  raw: string,
  mediaType: DocumentMediaType,
  pages: number | undefined,
  report: ParseabilityReport,
): ExtractedDocument {
  const text = tidy(raw);
  if (text === '') throw createDocumentError('no_text');
  const document: ExtractedDocument = { text, mediaType, wordCount: countWords(text), report };
  if (pages !== undefined) document.pages = pages;
  return document;
}

// Trailing spaces and runs of blank lines are layout noise; NUL and other controls are never text.
function tidy(text: string): string {
  return normalizeLineEnds(text)
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Kind = 'pdf' | 'docx' | 'text';

async function detectKind(bytes: Uint8Array): Promise<Kind> {
  // ZIPs are checked by our own central-directory reader (inspectDocx), not file-type, which would
  // inflate parts without our size caps.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.ext === 'pdf') return 'pdf';
  if (detected?.ext === 'cfb') throw createDocumentError('legacy_word');
  if (detected) throw createDocumentError('unknown_format', { detected: detected.mime });
  // PDF allows junk before the header within the first KB; file-type only looks at offset 0.
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return 'text';
}

const EXTENSION_KINDS: Record<string, Kind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.txt': 'text',
  '.text': 'text',
};

// The name never chooses the parser; it only exposes renamed files, which users should re-export.
function checkExtension(filename: string | undefined, kind: Kind): void {
  if (!filename) return;
  const extension = extname(filename).toLowerCase();
  if (extension === '.docm' || extension === '.dotm') throw createDocumentError('macro_document');
  if (extension === '.doc') throw createDocumentError('legacy_word');
  const claimed = EXTENSION_KINDS[extension];
  if (claimed && claimed !== kind) throw createDocumentError('name_mismatch', { extension, detected: kind });
}
