import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { createDocumentError } from './document-errors';

/** Limits applied to a DOCX archive before and while it is decompressed. */
export interface DocxLimits {
  /** Most entries an archive may list (a real CV has 10–60). */
  maxEntries: number;
  /** Most bytes all XML parts may really inflate to, counted while streaming. */
  maxUncompressedBytes: number;
  /** Highest compression ratio accepted for a part larger than 1 MB (zip bombs are at 100:1 and more). */
  maxRatio: number;
}

/** Default limits: generous for real CVs (a few hundred KB of XML), far below what hurts the server. */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 40 * 1024 * 1024,
  maxRatio: 100,
};

/** What the archive check learned about a Word document, besides the fact that it is safe to open. */
export interface DocxInspection {
  /** Text of headers and footers (mammoth ignores them, and so do many ATS). */
  headerFooterText: string;
  tables: boolean;
  textBoxes: boolean;
  columns: boolean;
}

// Parts whose text or structure matters; they are also the only parts mammoth inflates for raw text.
const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * Checks that a ZIP is a macro-free Word document that is safe to decompress, from its central
 * directory first (entry count, declared sizes, ratio), then by inflating every XML part with a cap
 * on the bytes really produced, since local headers can lie about sizes.
 */
export async function inspectDocx(
  bytes: Uint8Array,
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): Promise<DocxInspection> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      autoClose: false,
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw createDocumentError('corrupt_zip', { cause: messageOf(error) });
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw createDocumentError('too_complex', { entries: zip.entryCount, maxEntries: limits.maxEntries });
    }
    const entries = await listEntries(zip);
    checkDeclaredSizes(entries, limits);
    const names = new Set(entries.map((entry) => entry.fileName));
    if (!names.has('[Content_Types].xml')) throw createDocumentError('not_word_zip');
    if (entries.some((entry) => /vbaProject\.bin$|vbaData\.xml$/i.test(entry.fileName))) {
      throw createDocumentError('macro_document');
    }
    const parts = new Map<string, string>();
    let budget = limits.maxUncompressedBytes;
    for (const entry of entries) {
      if (!isXmlPart(entry.fileName)) continue;
      const data = await readEntry(zip, entry, budget);
      budget -= data.length;
      parts.set(entry.fileName, data.toString('utf8'));
    }
    const contentTypes = parts.get('[Content_Types].xml') ?? '';
    if (/macroEnabled/i.test(contentTypes)) throw createDocumentError('macro_document');
    const body = parts.get('word/document.xml');
    if (body === undefined || !contentTypes.includes('wordprocessingml.document.main+xml')) {
      throw createDocumentError('not_word_zip', { entries: [...names].slice(0, 20) });
    }
    const headerFooterText = [...parts]
      .filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name))
      .map(([, xml]) => readWordText(xml))
      .filter((text) => text.trim() !== '')
      .join('\n');
    return {
      headerFooterText,
      tables: /<w:tbl[\s>]/.test(body),
      textBoxes: /<w:txbxContent[\s>]|<v:textbox[\s>]/.test(body),
      columns: /<w:cols\b[^>]*\bw:num="([2-9]|\d\d)"/.test(body),
    };
  } finally {
    zip.close();
  }
}

/** Paragraph texts of a WordprocessingML part (runs joined, tabs as spaces, entities decoded). */
export function readWordText(xml: string): string {
  const paragraphs: string[] = [];
  for (const paragraph of xml.split(/<\/w:p>/)) {
    const runs: string[] = [];
    for (const match of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) {
      runs.push(match[1] === undefined ? ' ' : decodeXmlEntities(match[1]));
    }
    const text = runs.join('').trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function checkDeclaredSizes(entries: Entry[], limits: DocxLimits): void {
  let declared = 0;
  for (const entry of entries) {
    if (!isXmlPart(entry.fileName)) continue;
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      throw createDocumentError('too_complex', {
        entry: entry.fileName,
        declaredBytes: entry.uncompressedSize,
        ratio: Math.round(ratio),
      });
    }
  }
  if (declared > limits.maxUncompressedBytes) {
    throw createDocumentError('too_complex', {
      declaredBytes: declared,
      maxBytes: limits.maxUncompressedBytes,
    });
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: unknown) =>
      reject(createDocumentError('corrupt_zip', { cause: messageOf(error) })),
    );
    zip.readEntry();
  });
}

// Counts the bytes the inflater really produces and stops at the budget, whatever the headers say.
async function readEntry(zip: ZipFile, entry: Entry, budget: number): Promise<Buffer> {
  let stream: Awaited<ReturnType<ZipFile['openReadStreamPromise']>>;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw createDocumentError('corrupt_zip', { entry: entry.fileName, cause: messageOf(error) });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > budget) {
        throw createDocumentError('too_complex', { entry: entry.fileName, inflatedBytes: size });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw createDocumentError('corrupt_zip', { entry: entry.fileName, cause: messageOf(error) });
  }
  return Buffer.concat(chunks, size);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
