/**
 * Measures the ATS Analyzer on the synthetic pairs: keyword extraction against the labelled
 * requirement keywords, the 12×12 CV × offer score matrix (own CV vs the others), and timing.
 * Run: npx tsx scripts/measure-ats.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeAts, extractOfferKeywords, isCodeLike } from '../server/core/ats';
import { loadTaxonomy, lookupSkill } from '../server/core/taxonomy';
import { tokenize } from '../server/core/text';

const dataDir = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data/synthetic');
interface Pair {
  id: string;
  offer: { title: string; requirements: { keywords: string[] }[] };
}
const pairs = (JSON.parse(readFileSync(resolve(dataDir, 'pairs.json'), 'utf8')) as { pairs: Pair[] }).pairs;
const read = (name: string) => readFileSync(resolve(dataDir, name), 'utf8');
const offers = pairs.map((pair) => read(`offer-${pair.id}.txt`));
const cvs = pairs.map((pair) => read(`cv-${pair.id}.txt`));

const t0 = performance.now();
loadTaxonomy();
const loadMs = performance.now() - t0;

const words = (text: string) => tokenize(text).map((token) => token.fold);
/** True when `inner` occurs as a contiguous word sequence inside `outer`. */
const contains = (outer: string[], inner: string[]) =>
  inner.length > 0 && outer.some((_, i) => inner.every((word, k) => outer[i + k] === word));

const pad = (value: string | number, width: number) => String(value).padEnd(width);
console.log(`taxonomy load: ${loadMs.toFixed(0)} ms\n`);
console.log(
  'offer | extracted | labelled | recall | precision (labelled) | precision (labelled or known skill/code)',
);
let sumRecall = 0;
let sumStrict = 0;
let sumLenient = 0;
pairs.forEach((pair, i) => {
  const extracted = extractOfferKeywords(offers[i] as string).keywords;
  const labelled = pair.offer.requirements.flatMap((requirement) => requirement.keywords);
  const labelledWords = labelled.map(words);
  const titleWords = words(pair.offer.title);
  const recalled = labelledWords.filter((label) =>
    extracted.some((keyword) => {
      const term = words(keyword.term);
      return contains(term, label) || (contains(label, term) && term.length * 2 >= label.length);
    }),
  ).length;
  let strict = 0;
  let lenient = 0;
  for (const keyword of extracted) {
    const term = words(keyword.term);
    const isLabelled =
      keyword.category === 'title'
        ? contains(term, titleWords.slice(0, 2)) || contains(titleWords, term)
        : labelledWords.some((label) => contains(term, label) || contains(label, term));
    const known = isLabelled || isCodeLike(keyword.term) || lookupSkill(keyword.term) !== undefined;
    if (isLabelled) strict++;
    if (known) lenient++;
  }
  const recall = labelled.length ? recalled / labelled.length : 1;
  const precisionStrict = extracted.length ? strict / extracted.length : 0;
  const precisionLenient = extracted.length ? lenient / extracted.length : 0;
  sumRecall += recall;
  sumStrict += precisionStrict;
  sumLenient += precisionLenient;
  console.log(
    `${pad(pair.id, 5)} | ${pad(extracted.length, 9)} | ${pad(labelled.length, 8)} | ${pad(`${Math.round(100 * recall)}%`, 6)} | ${pad(`${Math.round(100 * precisionStrict)}%`, 20)} | ${Math.round(100 * precisionLenient)}%`,
  );
});
const n = pairs.length;
console.log(
  `mean  |           |          | ${Math.round((100 * sumRecall) / n)}%    | ${Math.round((100 * sumStrict) / n)}%                  | ${Math.round((100 * sumLenient) / n)}%\n`,
);

// Score matrix: rows = CVs, columns = offers.
const matrix = cvs.map((cvText) => offers.map((offerText) => analyzeAts({ offerText, cvText }).score));
console.log(`CV\\offer ${pairs.map((pair) => pad(pair.id, 4)).join('')}`);
matrix.forEach((row, r) => {
  console.log(
    `${pad(pairs[r]?.id ?? '', 9)}${row.map((score, c) => pad(r === c ? `*${score}` : score, 4)).join('')}`,
  );
});
let matchedSum = 0;
let mismatchedSum = 0;
let rankedFirst = 0;
const margins: string[] = [];
pairs.forEach((pair, c) => {
  const own = matrix[c]?.[c] ?? 0;
  const others = matrix.filter((_, r) => r !== c).map((row) => row[c] ?? 0);
  matchedSum += own;
  mismatchedSum += others.reduce((a, b) => a + b, 0);
  const margin = own - Math.max(...others);
  if (margin > 0) rankedFirst++;
  margins.push(`${pair.id}:${margin > 0 ? '+' : ''}${margin}`);
});
console.log(
  `\nmean matched ${(matchedSum / n).toFixed(1)} · mean mismatched ${(mismatchedSum / (n * (n - 1))).toFixed(1)} · own CV ranked first for ${rankedFirst}/${n} offers`,
);
console.log(`separation per offer (own − best other): ${margins.join(' ')}`);

// Timing: one full call (offer extraction + matching), warm taxonomy. Wall time is noisy when the
// machine is shared, so CPU time (process.cpuUsage) is printed too. Pair 06's CV is the two-page one.
const timings: number[] = [];
const cpuStart = process.cpuUsage();
for (let round = 0; round < 20; round++) {
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    analyzeAts({ offerText: offers[i] as string, cvText: cvs[i] as string });
    timings.push(performance.now() - start);
  }
}
const cpu = process.cpuUsage(cpuStart);
timings.sort((a, b) => a - b);
const pct = (p: number) =>
  timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]?.toFixed(2);
const longTimings: number[] = [];
const longCpuStart = process.cpuUsage();
for (let k = 0; k < 100; k++) {
  const start = performance.now();
  analyzeAts({ offerText: offers[5] as string, cvText: cvs[5] as string });
  longTimings.push(performance.now() - start);
}
const longCpu = process.cpuUsage(longCpuStart);
longTimings.sort((a, b) => a - b);
console.log(
  `\nanalyzeAts, all pairs (${timings.length} calls): wall p50 ${pct(50)} ms · p99 ${pct(99)} ms · CPU mean ${((cpu.user + cpu.system) / 1000 / timings.length).toFixed(2)} ms`,
);
console.log(
  `2-page CV × 1-page offer (pair 06, 100 calls): wall p50 ${longTimings[50]?.toFixed(2)} ms · p99 ${longTimings[98]?.toFixed(2)} ms · CPU mean ${((longCpu.user + longCpu.system) / 1000 / 100).toFixed(2)} ms`,
);
