/**
 * The skills taxonomy (ESCO skills and occupations, ROME job sheets), shipped as
 * data/taxonomy.json.gz. Call loadTaxonomy() once at startup; otherwise the first use loads it
 * (a synchronous read, ~tens of ms), after which every lookup is pure and in memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { AppError } from '../errors';
import type { Language } from '../text';
import type { Occupation, OccupationSkills, Skill, TaxonomyData } from './schemas';
import { createTaxonomy, type Taxonomy } from './taxonomy';

export * from './labels';
export * from './schemas';
export { createTaxonomy, type Taxonomy } from './taxonomy';

const DATA_FILE = 'taxonomy.json.gz';
let loaded: Taxonomy | undefined;

/** Where the data file is: beside this module, or under the repository when running a bundle from its root. */
export function resolveTaxonomyFile(): string {
  const candidates = [
    fileURLToPath(new URL(`./data/${DATA_FILE}`, import.meta.url)),
    resolve(process.cwd(), 'server/core/taxonomy/data', DATA_FILE),
  ];
  return candidates.find((file) => existsSync(file)) ?? (candidates[0] as string);
}

/** Reads and indexes the taxonomy file once (later calls return the same instance). */
export function loadTaxonomy(file: string = resolveTaxonomyFile()): Taxonomy {
  if (loaded) return loaded;
  let data: TaxonomyData;
  try {
    data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as TaxonomyData;
  } catch (cause) {
    throw new AppError(
      'internal_error',
      { fr: 'Le référentiel de compétences est illisible.', en: 'The skills taxonomy cannot be read.' },
      { file, cause: String(cause) },
    );
  }
  // Full Zod validation of ~30k records would cost more than the parse; the shape is checked cheaply.
  if (data.version !== 1 || data.skills.id.length !== data.skills.keys.length) {
    throw new AppError('internal_error', 'Unexpected skills taxonomy format.', { file });
  }
  loaded = createTaxonomy(data);
  return loaded;
}

/** The loaded taxonomy (loads it on first use). */
export function getTaxonomy(): Taxonomy {
  return loaded ?? loadTaxonomy();
}

/** Best occupation for a job label ("aide-soignant(e)", "Data Analyst", "boulanger"). */
export function findOccupation(label: string): Occupation | undefined {
  return getTaxonomy().findOccupation(label);
}

/** Essential and optional skills of an occupation (object or id). */
export function skillsOfOccupation(occupation: Occupation | string): OccupationSkills {
  return getTaxonomy().skillsOfOccupation(occupation);
}

/** The skill a term names, by label or alias in French or English. */
export function lookupSkill(term: string, language?: Language): Skill | undefined {
  return getTaxonomy().lookupSkill(term, language);
}
