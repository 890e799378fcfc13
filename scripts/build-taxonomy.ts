/**
 * Builds server/core/taxonomy/data/taxonomy.json.gz from the ESCO and ROME CSV exports in
 * ../shared/data/real/taxonomy. Run: npx tsx scripts/build-taxonomy.ts [taxonomyDir]
 *
 * Pruning (to stay at a few MB and a fast load): ESCO skills linked to no occupation are dropped
 * unless transversal; alternative labels are capped; ROME "work environment" items are dropped;
 * match keys are precomputed here so that loading is a JSON parse plus map inserts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { splitGenderedLabel } from '../server/core/taxonomy/labels';
import type { TaxonomyData } from '../server/core/taxonomy/schemas';
import { buildPhraseKey, selectContentTokens, tokenize } from '../server/core/text';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data/real/taxonomy'));
const outFile = resolve(repoRoot, 'server/core/taxonomy/data/taxonomy.json.gz');

const MAX_ALTS_PER_LANGUAGE = 4;
const MAX_OCCUPATION_ALTS = 10;
const MAX_KEY_WORDS = 4;

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((cells) => cells.length > 1)
    .map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}

function readCsv(name: string): Record<string, string>[] {
  return parseCsv(gunzipSync(readFileSync(resolve(sourceDir, name))).toString('utf8'));
}

const splitAlts = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((alt) => alt.trim())
    .filter((alt) => alt.length > 0);

/** Keeps alternative labels worth matching: short, distinct, and not a lone unrelated word. */
function selectAlts(label: string, alts: string[], cap: number): string[] {
  const seen = new Set([label.toLowerCase()]);
  const kept: string[] = [];
  for (const alt of alts) {
    const lower = alt.toLowerCase();
    if (seen.has(lower) || alt.length > 60) continue;
    // A one-word alias that does not share the label's start ("Mocha" for JavaScript) is too ambiguous.
    if (!alt.includes(' ') && lower.slice(0, 4) !== label.toLowerCase().slice(0, 4)) continue;
    seen.add(lower);
    kept.push(alt);
    if (kept.length >= cap) break;
  }
  return kept;
}

/** Stem keys ("f"/"e" + key) of the labels short enough to be found verbatim in a text. */
function buildKeys(labels: { text: string; language: 'fr' | 'en' }[]): string {
  const keys = new Set<string>();
  for (const { text, language } of labels) {
    const words = selectContentTokens(tokenize(text, language), language).length;
    if (words === 0 || words > MAX_KEY_WORDS) continue;
    keys.add(`${language === 'fr' ? 'f' : 'e'}${buildPhraseKey(text, language, 'stem')}`);
  }
  return [...keys].join('|');
}

const started = performance.now();
const escoSkills = readCsv('esco_skills_en_fr.csv.gz');
const escoOccupations = readCsv('esco_occupations_en_fr.csv.gz');
const escoRelations = readCsv('esco_occupation_skills.csv.gz');
const romeAppellations = readCsv('rome_v347_appellations.csv.gz');
const romeCompetences = readCsv('rome_v347_competences.csv.gz');
const romeFicheCompetences = readCsv('rome_v347_fiche_competence.csv.gz');
const romeFiches = readCsv('rome_v347_fiches.csv.gz');

const linkedSkills = new Set(escoRelations.map((relation) => relation.skill_id));
const data: TaxonomyData = {
  version: 1,
  attribution:
    '© European Union, ESCO (https://esco.ec.europa.eu), CC BY 4.0 · Source : France Travail, ROME v3.47',
  skills: { id: [], kind: '', type: '', en: [], fr: [], altEn: [], altFr: [], keys: [] },
  occupations: { id: [], en: [], fr: [], alt: [], keys: [], essential: [], optional: [] },
};
const skillIndex = new Map<string, number>();

function addSkill(skill: {
  id: string;
  soft: boolean;
  knowledge: boolean;
  en: string;
  fr: string;
  altEn: string[];
  altFr: string[];
}): void {
  const s = data.skills;
  skillIndex.set(skill.id, s.id.length);
  s.id.push(skill.id);
  s.kind += skill.soft ? 's' : 'h';
  s.type += skill.knowledge ? 'k' : 'c';
  s.en.push(skill.en);
  s.fr.push(skill.fr);
  s.altEn.push(skill.altEn.join('|'));
  s.altFr.push(skill.altFr.join('|'));
  s.keys.push(
    buildKeys([
      ...(skill.en ? [{ text: skill.en, language: 'en' as const }] : []),
      ...(skill.fr ? [{ text: skill.fr, language: 'fr' as const }] : []),
      ...skill.altEn.map((text) => ({ text, language: 'en' as const })),
      ...skill.altFr.map((text) => ({ text, language: 'fr' as const })),
    ]),
  );
}

for (const row of escoSkills) {
  const soft = row.reuse_level === 'transversal';
  if (!row.id || (!linkedSkills.has(row.id) && !soft)) continue;
  const en = (row.label_en ?? '').replace(/\s*\((?:computer programming|software)\)$/i, '');
  addSkill({
    id: `esco:${row.id}`,
    soft,
    knowledge: row.skill_type === 'knowledge',
    en,
    fr: row.label_fr ?? '',
    altEn: selectAlts(en, splitAlts(row.alt_en), MAX_ALTS_PER_LANGUAGE),
    altFr: selectAlts(row.label_fr ?? '', splitAlts(row.alt_fr), MAX_ALTS_PER_LANGUAGE),
  });
}

// ROME referential types: 1 = savoir (knowledge), 2 = savoir-faire; 5 = work environment (dropped).
for (const row of romeCompetences) {
  if (!row.code_ogr || row.code_type_referentiel === '5') continue;
  addSkill({
    id: `rome:${row.code_ogr}`,
    soft: false,
    knowledge: row.code_type_referentiel === '1',
    en: '',
    fr: row.libelle ?? '',
    altEn: [],
    altFr: [],
  });
}

function occupationKeys(labels: string[]): string {
  const keys = new Set<string>();
  for (const label of labels) {
    for (const form of splitGenderedLabel(label)) keys.add(buildPhraseKey(form, 'fr', 'fold'));
  }
  return [...keys].filter((key) => key.length > 0).join('|');
}

const relationsByOccupation = new Map<string, { essential: number[]; optional: number[] }>();
for (const relation of escoRelations) {
  const index = skillIndex.get(`esco:${relation.skill_id}`);
  if (index === undefined || !relation.occupation_id) continue;
  const entry = relationsByOccupation.get(relation.occupation_id) ?? { essential: [], optional: [] };
  (relation.relation === 'essential' ? entry.essential : entry.optional).push(index);
  relationsByOccupation.set(relation.occupation_id, entry);
}

const o = data.occupations;
for (const row of escoOccupations) {
  if (!row.id) continue;
  const en = row.label_en ?? '';
  const fr = row.label_fr ?? '';
  const alts = [
    ...selectAlts(en, splitAlts(row.alt_en), MAX_OCCUPATION_ALTS),
    ...selectAlts(fr, splitAlts(row.alt_fr), MAX_OCCUPATION_ALTS),
  ];
  const relations = relationsByOccupation.get(row.id) ?? { essential: [], optional: [] };
  o.id.push(`esco:${row.id}`);
  o.en.push(en);
  o.fr.push(fr);
  o.alt.push(alts.join('|'));
  // The preferred labels come first in the key list: a match on them ranks higher.
  o.keys.push(`${occupationKeys([en, fr])}§${occupationKeys(alts)}`);
  o.essential.push(relations.essential.sort((a, b) => a - b));
  o.optional.push(relations.optional.sort((a, b) => a - b));
}

const appellationsByFiche = new Map<string, string[]>();
for (const row of romeAppellations) {
  if (!row.code_rome || !row.libelle_appellation_long) continue;
  const list = appellationsByFiche.get(row.code_rome) ?? [];
  list.push(row.libelle_appellation_long);
  appellationsByFiche.set(row.code_rome, list);
}
const competencesByFiche = new Map<string, number[]>();
for (const row of romeFicheCompetences) {
  const index = skillIndex.get(`rome:${row.code_ogr}`);
  if (index === undefined || !row.code_rome) continue;
  const list = competencesByFiche.get(row.code_rome) ?? [];
  list.push(index);
  competencesByFiche.set(row.code_rome, list);
}
for (const fiche of romeFiches) {
  if (!fiche.code_rome) continue;
  const appellations = appellationsByFiche.get(fiche.code_rome) ?? [];
  o.id.push(`rome:${fiche.code_rome}`);
  o.en.push('');
  o.fr.push(fiche.libelle_rome ?? '');
  o.alt.push(appellations.join('|'));
  o.keys.push(`${occupationKeys(appellations)}§${occupationKeys([fiche.libelle_rome ?? ''])}`);
  o.essential.push([...new Set(competencesByFiche.get(fiche.code_rome) ?? [])].sort((a, b) => a - b));
  o.optional.push([]);
}

const json = JSON.stringify(data);
const gz = gzipSync(json, { level: 9 });
writeFileSync(outFile, gz);
console.log(
  `skills ${data.skills.id.length}, occupations ${o.id.length}; json ${(json.length / 1e6).toFixed(2)} MB, gz ${(gz.length / 1e6).toFixed(2)} MB; ${Math.round(performance.now() - started)} ms → ${outFile}`,
);
