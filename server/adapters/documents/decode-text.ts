import { createDocumentError } from './document-errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 is a superset of Latin-1 for printable characters (it adds €, œ, « curly » quotes
// in 0x80–0x9F), which is what "Latin-1" files saved on Windows actually contain.
const windows1252 = new TextDecoder('windows-1252');

/** Which byte encoding a plain-text upload was read with. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decodes an uploaded text file: UTF-8 (BOM stripped), UTF-16 with BOM, else Windows-1252; refuses binary data. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let text: string;
  let encoding: TextEncodingName;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    try {
      text = utf8.decode(body);
      encoding = 'utf-8';
    } catch {
      // Not valid UTF-8: an 8-bit legacy file. Every byte maps to a character in Windows-1252, so
      // the binary check below is what refuses non-text content, not the decoder.
      text = windows1252.decode(body);
      encoding = 'windows-1252';
    }
  }
  if (looksBinary(text)) throw createDocumentError('binary_text', { encoding });
  return { text: normalizeLineEnds(text), encoding };
}

/** Normalises CRLF and lone CR to LF and drops a leading BOM left by an upstream decoder. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// Text never contains NUL, and only a trace of other C0/C1 controls; executables, images and
// archives are full of them.
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    const isControl =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      (code >= 0x7f && code < 0xa0);
    if (isControl) controls++;
  }
  return controls > Math.max(2, sample.length * 0.01);
}
