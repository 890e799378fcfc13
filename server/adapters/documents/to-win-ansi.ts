// pdfkit's built-in Helvetica encodes text in WinAnsi (Windows-1252). Characters outside it would
// print as wrong glyphs, so they are mapped to their closest WinAnsi form or dropped.

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French « » ; : ! ?) → no-break space
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u201b': '’',
  '\u201f': '”',
  '\u2043': '•',
  '\u25aa': '•',
  '\u25cf': '•',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u00a0': '\u00a0',
  '\u0153': 'œ',
  '\u0133': 'ij',
  '\u2026': '…',
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};

const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
};

/** Maps text to characters Helvetica can print: known substitutes, then accents stripped, else dropped. */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || isWinAnsi(char)) {
      result += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      result += replacement;
      continue;
    }
    // ŝ, ő, ł… keep their base letter; emoji and symbols vanish rather than print as garbage.
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base !== char && [...base].every(isWinAnsi)) result += base;
  }
  return result;
}
