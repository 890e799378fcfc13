/**
 * Measures the CV and offer readers (server/core/profile): precision and recall per field over
 * the 12 synthetic pairs, a smaller table on real structured CVs (JSON/YAML sources rendered to
 * text) and EIG offers, robustness on hostile input, and time per call.
 * Run: npx tsx scripts/measure-profile.ts. Real data is reported by field name and score only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCv, parseOffer } from '../server/core/profile';

const DATA = process.env.PHOENIX_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const SYN = join(DATA, 'synthetic');
const REAL = join(DATA, 'real');

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
type Table = Map<string, Score>;

/** Case, spacing and trailing punctuation do not count; accents do. */
function norm(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,:!]+$/, '')
    .trim();
}

/** Tolerant: equal, or one is the other plus a trailing aside (", 2025", " (in progress…)", " branch"). */
function same(a: string, b: string, tolerant: boolean): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (!tolerant) return false;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.startsWith(short) && !/\p{L}/u.test(long.charAt(short.length));
}

function score(table: Table, field: string): Score {
  let s = table.get(field);
  if (!s) {
    s = { tp: 0, fp: 0, fn: 0 };
    table.set(field, s);
  }
  return s;
}

const failures: string[] = [];

function scoreValue(
  table: Table,
  field: string,
  expected: string | null | undefined,
  got: string | null | undefined,
  where: string,
  tolerant = false,
  quote = true,
): void {
  const s = score(table, field);
  const exp = expected ?? null;
  const g = got ?? null;
  if (exp === null && g === null) return;
  if (exp !== null && g !== null && same(exp, g, tolerant)) {
    s.tp++;
    return;
  }
  if (g !== null) s.fp++;
  if (exp !== null) s.fn++;
  failures.push(
    quote
      ? `${where} ${field}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(g)}`
      : `${where} ${field}: ${g === null ? 'missing' : exp === null ? 'spurious value' : 'wrong value'}`,
  );
}

function scoreList(
  table: Table,
  field: string,
  expected: string[],
  got: string[],
  where: string,
  tolerant = false,
  quote = true,
): void {
  const s = score(table, field);
  const left = [...got];
  const missed: string[] = [];
  for (const e of expected) {
    const i = left.findIndex((g) => same(e, g, tolerant));
    if (i >= 0) {
      s.tp++;
      left.splice(i, 1);
    } else {
      s.fn++;
      missed.push(e);
    }
  }
  s.fp += left.length;
  if (missed.length > 0 || left.length > 0) {
    failures.push(
      quote
        ? `${where} ${field}: missed ${JSON.stringify(missed)}; extra ${JSON.stringify(left)}`
        : `${where} ${field}: ${missed.length} missed, ${left.length} extra`,
    );
  }
}

function pct(n: number, d: number): string {
  return d === 0 ? '  —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}`;
}

function printTable(title: string, table: Table): void {
  console.log(`\n${title}`);
  console.log(`${'field'.padEnd(26)} precision  recall    tp   fp   fn`);
  for (const [field, s] of table) {
    console.log(
      `${field.padEnd(26)} ${pct(s.tp, s.tp + s.fp)}%    ${pct(s.tp, s.tp + s.fn)}%  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
    );
  }
}

// ---------------- synthetic pairs ----------------

interface PairExperience {
  title: string;
  employer: string | null;
  location: string | null;
  start: string | null;
  end: string | null;
}
interface Pair {
  id: string;
  cv: {
    file: string;
    name: string;
    email: string;
    phone: string;
    linkedin: string | null;
    address?: string | null;
    birthDateAsWritten?: string | null;
    experiences: PairExperience[];
    employers: string[];
    jobTitles: string[];
    education: { title: string; institution: string | null }[];
    certifications: string[];
    skills: string[];
    languages: string[];
  };
  offer: {
    file: string;
    title: string;
    genderMarker: string | null;
    company: string;
    location: string;
    contractType: string;
    mustHave: string[];
    niceToHave: string[];
    values: string[];
    recruiter: { name: string; role: string | null } | null;
    addressee?: string;
    requirements: { keywords: string[] }[];
  };
}

function measureSynthetic(): void {
  const pairs = (JSON.parse(readFileSync(join(SYN, 'pairs.json'), 'utf8')) as { pairs: Pair[] }).pairs;
  const cvTable: Table = new Map();
  const offerTable: Table = new Map();
  for (const pair of pairs) {
    const cvText = readFileSync(join(SYN, pair.cv.file), 'utf8');
    const cv = parseCv(cvText);
    const w = `cv-${pair.id}`;
    const e = pair.cv;
    scoreValue(cvTable, 'name', e.name, cv.name, w);
    scoreValue(cvTable, 'email', e.email, cv.contact.email, w);
    scoreValue(cvTable, 'phone', e.phone, cv.contact.phone, w);
    scoreValue(cvTable, 'linkedin', e.linkedin, cv.contact.linkedin, w);
    if (e.address) scoreValue(cvTable, 'address', e.address, cv.contact.address, w);
    scoreValue(cvTable, 'birthDate', e.birthDateAsWritten ?? null, cv.birthDateAsWritten, w);
    const expKey = (x: PairExperience) => `${x.title} @ ${x.employer ?? '∅'} [${x.start}→${x.end ?? 'now'}]`;
    scoreList(cvTable, 'experiences (all fields)', e.experiences.map(expKey), cv.experiences.map(expKey), w);
    scoreList(
      cvTable,
      'employers',
      e.experiences.map((x) => x.employer).filter((x): x is string => x !== null),
      cv.experiences.map((x) => x.employer).filter((x): x is string => x !== null),
      w,
    );
    // experiences[].title, not jobTitles: cv-12's jobTitles splits "A, then B" into two titles.
    scoreList(
      cvTable,
      'job titles',
      e.experiences.map((x) => x.title),
      cv.experiences.map((x) => x.title),
      w,
    );
    scoreList(
      cvTable,
      'exp. locations',
      e.experiences.map((x) => x.location).filter((x): x is string => x !== null),
      cv.experiences.map((x) => x.location).filter((x): x is string => x !== null),
      w,
      true,
    );
    scoreList(
      cvTable,
      'exp. dates start/end',
      e.experiences.map((x) => `${x.start}→${x.end}`),
      cv.experiences.map((x) => `${x.start}→${x.end}`),
      w,
    );
    scoreList(
      cvTable,
      'education titles',
      e.education.map((x) => x.title),
      cv.education.map((x) => x.title),
      w,
      true,
    );
    scoreList(
      cvTable,
      'education institutions',
      e.education.map((x) => x.institution).filter((x): x is string => x !== null),
      cv.education.map((x) => x.institution).filter((x): x is string => x !== null),
      w,
      true,
    );
    scoreList(cvTable, 'certifications', e.certifications, cv.certifications, w, true);
    scoreList(cvTable, 'skills', e.skills, cv.skills, w);
    scoreList(cvTable, 'languages', e.languages, cv.languages, w, true);

    const offer = parseOffer(readFileSync(join(SYN, pair.offer.file), 'utf8'));
    const o = pair.offer;
    const ow = `offer-${pair.id}`;
    scoreValue(offerTable, 'title', o.title, offer.title, ow);
    scoreValue(offerTable, 'gender marker', o.genderMarker, offer.genderMarker, ow);
    scoreValue(offerTable, 'company', o.company, offer.company, ow);
    scoreValue(offerTable, 'location', o.location, offer.location, ow, true);
    // Contract kinds compare on the kind ("fonction publique"), not on the wording of the aside.
    const kind = (c: string | null) => c?.split('(')[0]?.trim() ?? null;
    scoreValue(offerTable, 'contract', kind(o.contractType), kind(offer.contractType), ow);
    scoreList(offerTable, 'must-have', o.mustHave, offer.mustHave, ow);
    scoreList(offerTable, 'nice-to-have', o.niceToHave, offer.niceToHave, ow);
    scoreList(offerTable, 'values', o.values, offer.values, ow, true);
    scoreValue(offerTable, 'recruiter name', o.recruiter?.name ?? null, offer.recruiter?.name ?? null, ow);
    scoreValue(offerTable, 'recruiter role', o.recruiter?.role ?? null, offer.recruiter?.role ?? null, ow);
    scoreValue(offerTable, 'addressee', o.addressee ?? null, offer.addressee, ow);
    // Skills: recall only is meaningful (the pairs list requirement keywords, not every tool named).
    const keywords = o.requirements.flatMap((r) => r.keywords);
    const s = score(offerTable, 'skills (keyword recall)');
    for (const k of keywords) {
      if (offer.skills.some((x) => norm(x).includes(norm(k)) || norm(k).includes(norm(x)))) s.tp++;
      else s.fn++;
    }
  }
  printTable('SYNTHETIC CVs (12)', cvTable);
  printTable('SYNTHETIC OFFERS (12)', offerTable);
}

// ---------------- real structured CVs ----------------

interface Truth {
  source: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  work: { title: string; employer: string; location: string | null; dates: string; highlights: string[] }[];
  education: { title: string; institution: string; dates: string }[];
  skills: string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** ISO "2013-12-01" → "12/2013"; other spellings pass through. */
function showDate(d: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(d);
  return m ? `${m[2]}/${m[1]}` : d || 'present';
}

function truthFromJsonResume(j: Record<string, unknown>, source: string): Truth {
  const b = obj(j.basics);
  return {
    source,
    name: str(b.name) || null,
    email: str(b.email) || null,
    phone: str(b.phone) || null,
    work: arr(j.work).map((w) => {
      const o = obj(w);
      return {
        title: str(o.position),
        employer: str(o.name),
        location: str(o.location) || null,
        dates: `${showDate(str(o.startDate))} – ${showDate(str(o.endDate))}`,
        highlights: arr(o.highlights).map(str),
      };
    }),
    education: arr(j.education).map((e) => {
      const o = obj(e);
      return {
        title: [str(o.studyType), str(o.area)].filter(Boolean).join(' in '),
        institution: str(o.institution),
        dates: `${showDate(str(o.startDate))} – ${showDate(str(o.endDate))}`,
      };
    }),
    skills: arr(j.skills).flatMap((s) => arr(obj(s).keywords).map(str)),
  };
}

function truthFromResumeMatcher(j: Record<string, unknown>, source: string): Truth {
  const p = obj(j.personalInfo);
  return {
    source,
    name: str(p.name) || null,
    email: str(p.email) || null,
    phone: str(p.phone) || null,
    work: arr(j.workExperience).map((w) => {
      const o = obj(w);
      return {
        title: str(o.title),
        employer: str(o.company),
        location: str(o.location) || null,
        dates: str(o.years),
        highlights: arr(o.description).map(str),
      };
    }),
    education: arr(j.education).map((e) => {
      const o = obj(e);
      return { title: str(o.degree), institution: str(o.institution), dates: str(o.years) };
    }),
    skills: arr(obj(j.additional).technicalSkills).map(str),
  };
}

function truthFromRenderCv(y: Record<string, unknown>, source: string): Truth {
  const cv = obj(y.cv);
  const sections = obj(cv.sections);
  return {
    source,
    name: str(cv.name) || null,
    email: str(cv.email) || null,
    phone: str(cv.phone) || null,
    work: arr(sections.experience).map((w) => {
      const o = obj(w);
      return {
        title: str(o.position),
        employer: str(o.company),
        location: str(o.location) || null,
        dates: `${showDate(str(o.start_date))} – ${showDate(str(o.end_date))}`,
        highlights: arr(o.highlights).map(str),
      };
    }),
    education: arr(sections.education).map((e) => {
      const o = obj(e);
      return {
        title: [str(o.degree), str(o.area)].filter(Boolean).join(' in '),
        institution: str(o.institution),
        dates: `${showDate(str(o.start_date))} – ${showDate(str(o.end_date))}`,
      };
    }),
    skills: [],
  };
}

/** Render a structured CV to text in one of two common layouts. */
function renderCv(t: Truth, layout: 'dash' | 'pipe', lang: 'fr' | 'en'): string {
  const h =
    lang === 'fr' ? ['EXPÉRIENCE', 'FORMATION', 'COMPÉTENCES'] : ['EXPERIENCE', 'EDUCATION', 'SKILLS'];
  const out = [t.name ?? '', [t.email, t.phone].filter(Boolean).join(' · '), '', h[0] ?? '', ''];
  for (const w of t.work) {
    const where = [w.employer, w.location].filter(Boolean).join(', ');
    if (layout === 'dash') out.push(`${w.title} — ${where}`, w.dates);
    else out.push(`${w.title} | ${where} | ${w.dates}`);
    out.push(...w.highlights.map((x) => `• ${x}`), '');
  }
  out.push(h[1] ?? '');
  for (const e of t.education) out.push(`${e.title} — ${e.institution}, ${e.dates}`);
  if (t.skills.length > 0) out.push('', h[2] ?? '', t.skills.join(', '));
  return out.join('\n');
}

async function loadYaml(path: string): Promise<Record<string, unknown> | null> {
  try {
    // `yaml` is present through the toolchain, not a declared dependency: skip quietly without it.
    const mod = (await import('yaml')) as { parse: (s: string) => unknown };
    return obj(mod.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

async function measureReal(): Promise<void> {
  const truths: Truth[] = [];
  const cvDir = join(REAL, 'cv', 'en');
  truths.push(
    truthFromJsonResume(
      JSON.parse(readFileSync(join(cvDir, 'jsonresume_sample.resume.json'), 'utf8')),
      'jsonresume',
    ),
  );
  truths.push(
    truthFromResumeMatcher(
      JSON.parse(readFileSync(join(cvDir, 'rm_master_resume.json'), 'utf8')),
      'rm_master',
    ),
  );
  const rendercv = await loadYaml(join(cvDir, 'rendercv_john_doe.yaml'));
  if (rendercv) truths.push(truthFromRenderCv(rendercv, 'rendercv'));
  else console.log('note: yaml module unavailable, rendercv YAML skipped');
  console.log(
    'note: itsalex/augustebaum YAML give dates and roles in free-form strings not matching the PDFs line for line; skipped (PDF text extraction belongs to the documents adapter).',
  );

  const table: Table = new Map();
  for (const t of truths) {
    for (const layout of ['dash', 'pipe'] as const) {
      const cv = parseCv(renderCv(t, layout, 'en'));
      const w = `${t.source}/${layout}`;
      scoreValue(table, 'name', t.name, cv.name, w, false, false);
      scoreValue(table, 'email', t.email, cv.contact.email, w, false, false);
      scoreValue(table, 'phone', t.phone, cv.contact.phone, w, false, false);
      scoreList(
        table,
        'employers',
        t.work.map((x) => x.employer).filter(Boolean),
        cv.experiences.map((x) => x.employer ?? ''),
        w,
        false,
        false,
      );
      scoreList(
        table,
        'job titles',
        t.work.map((x) => x.title),
        cv.experiences.map((x) => x.title),
        w,
        false,
        false,
      );
      scoreList(
        table,
        'facts (bullets)',
        t.work.flatMap((x) => x.highlights),
        cv.experiences.flatMap((x) => x.facts),
        w,
        false,
        false,
      );
      scoreList(
        table,
        'education institutions',
        t.education.map((x) => x.institution),
        cv.education.map((x) => x.institution ?? ''),
        w,
        true,
        false,
      );
      scoreList(table, 'skills', t.skills, cv.skills, w, false, false);
    }
  }
  printTable(`REAL structured CVs rendered to text (${truths.length} sources × 2 layouts)`, table);

  // JobSync plain-text CVs: no ground truth; count what is found.
  const jobsync = readdirSync(cvDir).filter((f) => f.startsWith('jobsync_') && f.endsWith('.txt'));
  let exp = 0;
  let withEmployer = 0;
  let dated = 0;
  let contacts = 0;
  for (const f of jobsync) {
    const cv = parseCv(readFileSync(join(cvDir, f), 'utf8'));
    exp += cv.experiences.length;
    withEmployer += cv.experiences.filter((x) => x.employer).length;
    dated += cv.experiences.filter((x) => x.start).length;
    contacts += cv.contact.email ? 1 : 0;
  }
  console.log(
    `\nREAL JobSync .txt CVs (${jobsync.length}, no ground truth): ${exp} experiences, ${withEmployer} with employer, ${dated} dated, e-mail found in ${contacts}/${jobsync.length}`,
  );

  // EIG offers: the administration (company) against eig_defi_labels.csv, when the text names it.
  const frDir = join(REAL, 'offers', 'fr');
  const rows = readFileSync(join(frDir, 'eig_defi_labels.csv'), 'utf8').trim().split('\n').slice(1);
  const eig: Table = new Map();
  let named = 0;
  for (const row of rows) {
    const [file, , , , administration] = row.split(',');
    if (!file || !administration) continue;
    const text = readFileSync(join(frDir, file), 'utf8');
    if (!text.toLowerCase().includes(administration.toLowerCase())) continue;
    named++;
    const offer = parseOffer(text);
    const s = score(eig, 'company (administration)');
    const got = offer.company?.toLowerCase() ?? '';
    if (got && (administration.toLowerCase().includes(got) || got.includes(administration.toLowerCase())))
      s.tp++;
    else {
      if (got) s.fp++;
      s.fn++;
      failures.push(`eig ${file} company: ${got ? 'wrong value' : 'missing'}`);
    }
  }
  printTable(`REAL EIG offers naming their administration (${named} of ${rows.length})`, eig);
}

// ---------------- speed and robustness ----------------

function time(label: string, fn: () => void, runs: number): void {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label.padEnd(44)} ${((performance.now() - t0) / runs).toFixed(3)} ms/call`);
}

function measureSpeedAndRobustness(): void {
  console.log('\nSPEED');
  const cv06 = readFileSync(join(SYN, 'cv-06.txt'), 'utf8');
  const offer06 = readFileSync(join(SYN, 'offer-06.txt'), 'utf8');
  time('parseCv cv-06 (2 pages)', () => parseCv(cv06), 200);
  time('parseOffer offer-06', () => parseOffer(offer06), 200);
  const big = readFileSync(join(SYN, 'bad', 'big.txt'), 'utf8');
  time('parseCv bad/big.txt (6 MiB, read capped)', () => parseCv(big), 3);
  time('parseOffer bad/big.txt', () => parseOffer(big), 3);

  const hostile: [string, string][] = [
    ['empty', ''],
    ['spaces', ' \n\n\t '],
    ['binary', Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['latin1 as utf8', readFileSync(join(SYN, 'bad', 'latin1.txt'), 'utf8')],
    ['bom crlf', readFileSync(join(SYN, 'bad', 'utf8-bom-crlf.txt'), 'utf8')],
    ['one long line', 'a'.repeat(300_000)],
    ['bullets only', '•\n-\n*\n'.repeat(5000)],
    ['dates only', '2019 - 2025\n'.repeat(5000)],
  ];
  let thrown = 0;
  for (const [label, text] of hostile) {
    try {
      parseCv(text);
      parseOffer(text);
    } catch {
      thrown++;
      failures.push(`robustness ${label}: threw`);
    }
  }
  const crlf = parseCv(readFileSync(join(SYN, 'bad', 'utf8-bom-crlf.txt'), 'utf8'));
  console.log(
    `ROBUSTNESS ${hostile.length} hostile inputs, ${thrown} threw; BOM+CRLF cv-09 → ${crlf.experiences.length} experiences, name ${crlf.name ? 'found' : 'missing'}`,
  );
}

measureSynthetic();
await measureReal();
measureSpeedAndRobustness();
console.log(`\nFAILURES (${failures.length})`);
for (const f of failures) console.log(`- ${f}`);
