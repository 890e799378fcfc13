// Worker thread that runs the untrusted parsers (pdf.js through unpdf, mammoth) away from the
// server's event loop and heap. Plain JavaScript on purpose: it must load the same way under tsx
// (dev, tests) and next to the esbuild bundle (production), with no TypeScript loader in the worker.
// It only returns raw material (positioned text items, raw text, names of failures); the layout
// analysis and the error messages live in TypeScript on the main thread.
import { parentPort, workerData } from 'node:worker_threads';

/** Upper bound on text items, so a PDF with millions of tiny glyph runs fails fast instead of filling memory. */
const MAX_TEXT_ITEMS = 200_000;
/** A CV or an offer has a few pages; thousands of empty pages are an attack on the operator-list scan. */
const MAX_PAGES = 100;

async function readPdf(bytes) {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const pdfjs = await getResolvedPDFJS();
  const imageOps = new Set(
    [pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject].filter(
      (op) => typeof op === 'number',
    ),
  );
  // pdf.js prints warnings for every recoverable oddity; they are noise in the server's logs.
  const document = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
  if (document.numPages > MAX_PAGES) throw Object.assign(new Error('too many pages'), { name: 'TooLarge' });
  const pages = [];
  let itemCount = 0;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str.length === 0) continue;
      const [a, b, , d, x, y] = item.transform;
      items.push({
        text: item.str,
        x,
        y,
        width: item.width,
        // The font size is the transform's scale; `height` is 0 for some fonts.
        size: Math.hypot(a, b) || Math.abs(d) || item.height || 10,
        rotated: Math.abs(b) > 0.01,
      });
    }
    itemCount += items.length;
    if (itemCount > MAX_TEXT_ITEMS)
      throw Object.assign(new Error('too many text items'), { name: 'TooLarge' });
    let hasImages = false;
    if (items.every((item) => item.text.trim() === '')) {
      // Only pages without text need the (costlier) operator list: is it a scan or a blank page?
      const operators = await page.getOperatorList();
      hasImages = operators.fnArray.some((op) => imageOps.has(op));
    }
    pages.push({ width, height, items, hasImages });
    page.cleanup();
  }
  await document.destroy();
  return { kind: 'pdf', pages };
}

async function readDocx(bytes) {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
  });
  return { kind: 'docx', text: result.value };
}

try {
  const { kind, bytes } = workerData;
  const result = kind === 'pdf' ? await readPdf(bytes) : await readDocx(bytes);
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) },
  });
}
