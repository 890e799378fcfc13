import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { DOCX_MEDIA_TYPE, extractDocumentText } from './extract-document-text';
import { scoreWordRecall } from './word-recall';

const SYNTHETIC = join(import.meta.dirname, '../../../../shared/data/synthetic');
const read = (name: string) => new Uint8Array(readFileSync(join(SYNTHETIC, name)));
const readText = (name: string) => readFileSync(join(SYNTHETIC, name), 'utf8');

/** Runs an extraction expected to fail and returns the AppError. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// Measured on 2026-11-25: every rendering recovers 100 % of its .txt words, and adds none. The
// threshold leaves room for harmless changes in line joining, not for lost content.
const RENDERINGS = [
  ['cv-01.pdf', 'cv-01.txt', 'application/pdf'],
  ['cv-02.pdf', 'cv-02.txt', 'application/pdf'],
  ['cv-03-two-columns.pdf', 'cv-03.txt', 'application/pdf'],
  ['offer-01.pdf', 'offer-01.txt', 'application/pdf'],
  ['cv-04.docx', 'cv-04.txt', DOCX_MEDIA_TYPE],
  ['cv-05.docx', 'cv-05.txt', DOCX_MEDIA_TYPE],
  ['offer-02.docx', 'offer-02.txt', DOCX_MEDIA_TYPE],
] as const;

describe('extractDocumentText on the synthetic renderings', () => {
  it.each(RENDERINGS)('%s recovers the words of %s', async (file, reference, mediaType) => {
    const document = await extractDocumentText(read(file), { filename: file });
    expect(document.mediaType).toBe(mediaType);
    const recall = scoreWordRecall(readText(reference), document.text);
    const precision = scoreWordRecall(document.text, readText(reference));
    expect(recall.missing).toEqual([]);
    expect(recall.recall).toBeGreaterThanOrEqual(0.99);
    expect(precision.recall).toBeGreaterThanOrEqual(0.99);
    expect(document.wordCount).toBeGreaterThan(200);
    if (mediaType === 'application/pdf') expect(document.pages).toBe(1);
  });

  it('reads the sidebar of the two-column CV before the main column, sentences unbroken', async () => {
    const { text, report } = await extractDocumentText(read('cv-03-two-columns.pdf'));
    expect(report.columns).toBe(true);
    const flat = text.replace(/\s+/g, ' ');
    // A sidebar entry wrapped over three lines comes out whole, not interleaved with the main column.
    expect(flat).toContain('Mécanique : montage/démontage, transmissions, roulements, pneumatique');
    expect(flat).toContain('SST – Sauveteur secouriste du travail (2024)');
    // A main-column paragraph stays contiguous too.
    expect(flat).toContain(
      "Boulanger pendant treize ans, j'ai toujours été celui qui réparait le pétrin, réglait le four et démontait la diviseuse",
    );
    const order = [
      'Contact',
      'Compétences',
      'Habilitations',
      'Langues',
      'Profil',
      'Expérience professionnelle',
      'Formation',
    ];
    const positions = order.map((heading) => text.search(new RegExp(`(^|\\n)${heading}\\n`)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('reports the Word table of cv-04 and no layout risk in single-column files', async () => {
    expect((await extractDocumentText(read('cv-04.docx'))).report).toMatchObject({
      tables: true,
      columns: false,
    });
    expect((await extractDocumentText(read('cv-01.pdf'))).report).toEqual({
      columns: false,
      tables: false,
      headerFooterText: false,
      imageOnlyPages: 0,
      textBoxes: false,
    });
  });
});

// Expected outcome of every hostile file; each must be settled well within a second.
const BAD_FILES: [string, string, string][] = [
  ['big.txt', 'payload_too_large', 'too_large'],
  ['empty.pdf', 'unsupported_file', 'empty_file'],
  ['fake.docx', 'unsupported_file', 'name_mismatch'],
  ['image-only.pdf', 'unreadable_file', 'image_only'],
  ['macro.docm', 'unsupported_file', 'macro_document'],
  ['not-a-pdf.pdf', 'unsupported_file', 'name_mismatch'],
  ['truncated.pdf', 'unreadable_file', 'corrupt_pdf'],
  ['zip-bomb.docx', 'payload_too_large', 'too_complex'],
];

describe('extractDocumentText on hostile files', () => {
  it.each(BAD_FILES)('bad/%s → %s (%s)', { timeout: 1_000, retry: 2 }, async (file, code, reason) => {
    const error = await failure(extractDocumentText(read(`bad/${file}`), { filename: file }));
    expect(error.code).toBe(code);
    expect(error.details?.reason).toBe(reason);
    expect(error.localized.fr).not.toBe(error.localized.en);
  });

  it('refuses the macro document by its content too, whatever its name', async () => {
    const error = await failure(extractDocumentText(read('bad/macro.docm'), { filename: 'cv.docx' }));
    expect(error.details?.reason).toBe('macro_document');
    expect(error.localized.fr).toContain('.docm');
  });

  it('reads renamed files by content when the name claims nothing', async () => {
    expect((await extractDocumentText(read('bad/fake.docx'))).mediaType).toBe('application/pdf');
    expect((await extractDocumentText(read('bad/not-a-pdf.pdf'))).mediaType).toBe('text/plain');
  });

  it('says what to do with an image-only PDF, in both languages', async () => {
    const error = await failure(extractDocumentText(read('bad/image-only.pdf')));
    expect(error.localized.fr).toContain('ne contient que des images');
    expect(error.localized.en).toContain('export it again as text, or paste the text');
  });

  it('converts a Latin-1 file and normalises a UTF-8 BOM with CRLF', async () => {
    const latin1 = await extractDocumentText(read('bad/latin1.txt'), { filename: 'latin1.txt' });
    expect(latin1.mediaType).toBe('text/plain');
    expect(latin1.text).toBe(readText('cv-07.txt').trim());
    const bom = await extractDocumentText(read('bad/utf8-bom-crlf.txt'));
    expect(bom.text.startsWith('\uFEFF')).toBe(false);
    expect(bom.text).not.toContain('\r');
    expect(bom.text).toBe(readText('cv-09.txt').trim());
  });

  it('refuses a 6 MB file before reading it, and honours a smaller limit', async () => {
    const sixMegabytes = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    const error = await failure(extractDocumentText(sixMegabytes));
    expect(error.code).toBe('payload_too_large');
    expect(error.details).toMatchObject({ bytes: 6 * 1024 * 1024, maxBytes: 5 * 1024 * 1024 });
    const small = await failure(extractDocumentText(read('cv-01.pdf'), { maxBytes: 1_000 }));
    expect(small.code).toBe('payload_too_large');
  });

  it('refuses executables, images and ZIPs that are not Word documents', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const zip = buildZip([{ name: 'notes/readme.txt', data: Buffer.from('hello') }]);
    for (const bytes of [elf, png, zip]) {
      const error = await failure(extractDocumentText(bytes));
      expect(error.code).toBe('unsupported_file');
      expect(error.localized.en).toContain('Accepted formats: PDF with text, Word (.docx) or plain text');
    }
    const binary = await failure(extractDocumentText(new Uint8Array([0x41, 0x00, 0x42, 0x01, 0x02, 0x03])));
    expect(binary.details?.reason).toBe('binary_text');
  });

  it('refuses a ZIP whose headers understate what an entry inflates to', async () => {
    const huge = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const lying = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: 'word/document.xml', data: huge, declaredSize: 4_000 },
    ]);
    const error = await failure(extractDocumentText(lying));
    expect(['unreadable_file', 'payload_too_large']).toContain(error.code);
    expect(error.details?.reason).toMatch(/corrupt_zip|too_complex/);
  });

  it('says to remove the password of an encrypted PDF', async () => {
    const error = await failure(extractDocumentText(await buildEncryptedPdf()));
    expect(error.code).toBe('unreadable_file');
    expect(error.details?.reason).toBe('encrypted_pdf');
    expect(error.localized.fr).toContain('Retirez le mot de passe');
  });

  it('stops a parse that exceeds its deadline or its heap', async () => {
    const slow = await failure(extractDocumentText(read('cv-01.pdf'), { timeoutMs: 5 }));
    expect(slow.details?.reason).toBe('timeout');
    const starved = await failure(extractDocumentText(read('cv-01.pdf'), { maxHeapMb: 1 }));
    expect(['too_complex', 'parser_failed', 'corrupt_pdf']).toContain(starved.details?.reason);
  });

  it('keeps the server memory flat over many hostile files', { timeout: 60_000 }, async () => {
    const files = ['truncated.pdf', 'image-only.pdf', 'zip-bomb.docx', 'macro.docm', 'latin1.txt'];
    const round = () => Promise.allSettled(files.map((file) => extractDocumentText(read(`bad/${file}`))));
    await round();
    globalThis.gc?.();
    const before = process.memoryUsage();
    for (let index = 0; index < 8; index++) await round();
    globalThis.gc?.();
    const after = process.memoryUsage();
    // 40 parses of hostile files, each worker torn down: the main heap and the RSS stay where they were.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(25 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(150 * 1024 * 1024);
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A minimal deflated ZIP, with an optional false uncompressed size in both headers. */
function buildZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function buildEncryptedPdf(): Promise<Uint8Array> {
  const document = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner', size: 'A4' });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  document.text('Curriculum vitae protégé par un mot de passe.');
  document.end();
  return done;
}
