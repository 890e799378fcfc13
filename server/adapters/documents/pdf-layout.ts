// Rebuilds readable text from pdf.js text items: lines by baseline then x, a column gutter per
// page (a sidebar is read before the main column, not interleaved line by line), repeated
// header/footer lines dropped after their first occurrence. Pure functions, so they are tested on
// hand-made items as well as on real files.

/** One run of text as pdf.js positions it (PDF units, origin bottom-left, y = baseline). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  rotated?: boolean;
}

/** One page as the extraction worker returns it. */
export interface PdfPageItems {
  width: number;
  height: number;
  items: PdfTextItem[];
  hasImages: boolean;
}

/** Text of a PDF in reading order, with what the ATS parseability check needs to know. */
export interface PdfLayout {
  text: string;
  columns: boolean;
  tables: boolean;
  headerFooterText: boolean;
  imageOnlyPages: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
  /** x where each run separated by a wide gap starts, for table detection. */
  cellStarts: number[];
  /** Set on lines of another block, so the paragraph spacing is not measured across blocks. */
  blockStart: boolean;
}

/** Lays out every page and joins them, pages separated by a blank line. */
export function layoutPdfPages(pages: PdfPageItems[]): PdfLayout {
  let columns = false;
  let tables = false;
  let imageOnlyPages = 0;
  const pageLines: Line[][] = [];
  for (const page of pages) {
    const items = page.items.filter((item) => item.text.trim() !== '');
    if (items.length === 0 && page.hasImages) imageOnlyPages++;
    const laid = layoutPage(items, page.width);
    columns ||= laid.columns;
    tables ||= hasTable(laid.lines);
    pageLines.push(laid.lines);
  }
  const headerFooterText = dropRepeatedHeaderFooter(pageLines, pages);
  const text = pageLines
    .map(joinLines)
    .filter((pageText) => pageText !== '')
    .join('\n\n');
  return { text, columns, tables, headerFooterText, imageOnlyPages };
}

function layoutPage(items: PdfTextItem[], pageWidth: number): { lines: Line[]; columns: boolean } {
  const gutter = findGutter(items, pageWidth);
  if (!gutter) return { lines: buildLines(items), columns: false };
  const left: PdfTextItem[] = [];
  const right: PdfTextItem[] = [];
  const spanning: PdfTextItem[] = [];
  for (const item of items) {
    const side = sideOf(item, gutter);
    (side === 'left' ? left : side === 'right' ? right : spanning).push(item);
  }
  // Lines that cross the gutter (a centred title, a full-width footer) cut the page into bands;
  // within a band the left column is read before the right one.
  const cuts = buildLines(spanning);
  const leftLines = buildLines(left);
  const rightLines = buildLines(right);
  const ordered: Line[] = [];
  let upper = Number.POSITIVE_INFINITY;
  for (const cut of [...cuts, null]) {
    const lower = cut ? cut.y : Number.NEGATIVE_INFINITY;
    const inBand = (line: Line) => line.y < upper && line.y >= lower;
    for (const block of [leftLines.filter(inBand), rightLines.filter(inBand)]) {
      if (block[0]) block[0] = { ...block[0], blockStart: true };
      ordered.push(...block);
    }
    if (cut) ordered.push({ ...cut, blockStart: true });
    upper = lower;
  }
  return { lines: ordered, columns: true };
}

/**
 * A vertical strip, away from the page edges, that almost no text crosses, with enough text on
 * both sides that is not aligned row by row (aligned rows are a table or a label/value layout,
 * which reads correctly line by line).
 */
function findGutter(items: PdfTextItem[], pageWidth: number): { start: number; end: number } | null {
  if (items.length < 8 || pageWidth <= 0) return null;
  const bin = 2;
  const bins = Math.ceil(pageWidth / bin) + 1;
  const coverage = new Array<number>(bins).fill(0);
  for (const item of items) {
    const from = Math.max(0, Math.floor(item.x / bin));
    const to = Math.min(bins - 1, Math.floor((item.x + Math.max(item.width, 0)) / bin));
    for (let index = from; index <= to; index++) coverage[index] = (coverage[index] ?? 0) + 1;
  }
  const allowed = Math.max(1, Math.floor(items.length * 0.04));
  let best: { start: number; end: number } | null = null;
  // Only strips with text on both sides count: the margins are not gutters.
  const firstBin = Math.floor(Math.min(...items.map((item) => item.x)) / bin);
  const lastBin = Math.min(bins - 1, Math.floor(Math.max(...items.map((item) => item.x + item.width)) / bin));
  let runStart = -1;
  for (let index = firstBin; index <= lastBin; index++) {
    const open = index < lastBin && (coverage[index] ?? 0) <= allowed;
    if (open && runStart < 0) runStart = index;
    if (!open && runStart >= 0) {
      const touchesEdge = runStart === firstBin || index === lastBin;
      const start = runStart * bin;
      const end = index * bin;
      const centre = (start + end) / 2;
      const wideEnough = end - start >= 8;
      const central = centre > pageWidth * 0.2 && centre < pageWidth * 0.8;
      if (!touchesEdge && wideEnough && central && (!best || end - start > best.end - best.start))
        best = { start, end };
      runStart = -1;
    }
  }
  if (!best) return null;
  const gutter = best;
  const left = items.filter((item) => sideOf(item, gutter) === 'left');
  const right = items.filter((item) => sideOf(item, gutter) === 'right');
  const leftLines = buildLines(left);
  const rightLines = buildLines(right);
  if (leftLines.length < 3 || rightLines.length < 3) return null;
  const extent = (side: PdfTextItem[]) =>
    Math.max(...side.map((item) => item.x + item.width)) - Math.min(...side.map((item) => item.x));
  if (extent(left) < pageWidth * 0.18 || extent(right) < pageWidth * 0.18) return null;
  const rightYs = rightLines.map((line) => line.y);
  const aligned = leftLines.filter((line) =>
    rightYs.some((y) => Math.abs(y - line.y) <= Math.max(1, line.size * 0.2)),
  ).length;
  if (aligned / Math.min(leftLines.length, rightLines.length) > 0.5) return null;
  return gutter;
}

// Only a run that covers the whole gutter spans it; a line of the sidebar that bites into the
// gutter still belongs to the sidebar.
function sideOf(item: PdfTextItem, gutter: { start: number; end: number }): 'left' | 'right' | 'spanning' {
  if (item.x < gutter.start - 1 && item.x + item.width > gutter.end + 1) return 'spanning';
  return item.x + item.width / 2 < (gutter.start + gutter.end) / 2 ? 'left' : 'right';
}

/** Groups items on the same baseline (top to bottom), each line read left to right. */
function buildLines(items: PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    const anchor = current?.[0];
    if (current && anchor && Math.abs(anchor.y - item.y) <= Math.min(anchor.size, item.size) * 0.45) {
      current.push(item);
    } else groups.push([item]);
  }
  return groups.map((group) => joinItems(group.sort((a, b) => a.x - b.x)));
}

function joinItems(items: PdfTextItem[]): Line {
  let text = '';
  let previous: PdfTextItem | null = null;
  const cellStarts: number[] = [];
  for (const item of items) {
    if (previous) {
      // Fake bold draws the same run twice, a hair apart.
      if (item.text === previous.text && Math.abs(item.x - previous.x) < item.size * 0.3) continue;
      const gap = item.x - (previous.x + previous.width);
      if (gap > item.size * 1.5) cellStarts.push(item.x);
      const spaced = /\s$/.test(text) || /^\s/.test(item.text);
      if (!spaced && gap > item.size * 0.12) text += ' ';
    } else cellStarts.push(item.x);
    text += item.text;
    previous = item;
  }
  const first = items[0];
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    y: first?.y ?? 0,
    size: Math.max(...items.map((item) => item.size)),
    cellStarts,
    blockStart: false,
  };
}

// A blank line where the vertical gap is clearly larger than the line spacing: section breaks
// survive, wrapped lines of one paragraph stay together.
function joinLines(lines: Line[]): string {
  const parts: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.text === '') continue;
    if (previous) {
      const gap = previous.y - line.y;
      const paragraphBreak = line.blockStart || gap > Math.max(previous.size, line.size) * 1.75 || gap < 0;
      parts.push(paragraphBreak ? '\n\n' : '\n');
    }
    parts.push(line.text);
    previous = line;
  }
  return parts.join('');
}

// Three or more consecutive lines cut into three or more cells that start at the same x.
function hasTable(lines: Line[]): boolean {
  let streak = 0;
  let previous: number[] | null = null;
  for (const line of lines) {
    const cells = line.cellStarts;
    const aligned =
      cells.length >= 3 &&
      previous !== null &&
      previous.length === cells.length &&
      cells.every((x, index) => Math.abs(x - (previous?.[index] ?? Number.NaN)) < 3);
    streak = aligned ? streak + 1 : cells.length >= 3 ? 1 : 0;
    if (streak >= 3) return true;
    previous = cells;
  }
  return false;
}

/** Page-number lines ("2", "Page 2 / 3", "2 sur 3") are noise on every page. */
const isPageNumber = (key: string) => /^(page |p\. ?)?#+( ?(\/|sur|of|de) ?#+)?$/.test(key);
const keyOf = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Finds lines in the top or bottom band of the page that repeat on at least half the pages (two at
 * least) and keeps only their first occurrence; page numbers are dropped everywhere.
 */
function dropRepeatedHeaderFooter(pageLines: Line[][], pages: PdfPageItems[]): boolean {
  if (pageLines.length < 2) return false;
  const bandKeys = pageLines.map((lines, index) => {
    const height = pages[index]?.height ?? 842;
    const keys = new Set<string>();
    for (const line of lines) {
      if (line.y > height * 0.88 || line.y < height * 0.12) keys.add(keyOf(line.text));
    }
    return keys;
  });
  const counts = new Map<string, number>();
  for (const keys of bandKeys) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const threshold = Math.max(2, Math.ceil(pageLines.length / 2));
  const repeated = new Set(
    [...counts].filter(([key, count]) => key && count >= threshold).map(([key]) => key),
  );
  if (repeated.size === 0) return false;
  const seen = new Set<string>();
  pageLines.forEach((lines, index) => {
    const height = pages[index]?.height ?? 842;
    pageLines[index] = lines.filter((line) => {
      const inBand = line.y > height * 0.88 || line.y < height * 0.12;
      const key = keyOf(line.text);
      if (!inBand || !repeated.has(key)) return true;
      if (isPageNumber(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
  return true;
}
