import { buildPhraseKey, findAliasGroup, foldText, type Language, SKILL_ALIAS_GROUPS } from '../text';
import { splitGenderedLabel } from './labels';
import type { Occupation, OccupationSkills, Skill, TaxonomyData } from './schemas';

/** An in-memory, indexed taxonomy. Pure: built from already-loaded data. */
export interface Taxonomy {
  /** Attribution line to show wherever labels are displayed. */
  readonly attribution: string;
  readonly skillCount: number;
  readonly occupationCount: number;
  /** Best occupation for a job label (accent/case-insensitive, inclusive forms accepted). */
  findOccupation(label: string): Occupation | undefined;
  /** Occupations matching a job label, best first. */
  findOccupations(label: string, limit?: number): Occupation[];
  /** Essential and optional skills of an occupation. */
  skillsOfOccupation(occupation: Occupation | string): OccupationSkills;
  /** The skill a term names (label or alias, French or English), if any. */
  lookupSkill(term: string, language?: Language): Skill | undefined;
  /** Skills whose label stem key (see buildPhraseKey) equals the given key, in that language. */
  findSkillsByStemKey(stemKey: string, language: Language): Skill[];
  /**
   * The skill named by these content words (folded and stemmed). One word must equal a label
   * outright: French stems are too short to trust alone ("utilisateur" and "utiliser" share one).
   */
  findSkillByWords(folds: readonly string[], stems: readonly string[], language: Language): Skill | undefined;
  /** Skill by id ("esco:…", "rome:…", or "alias:…" for a group of the hand alias table). */
  getSkill(id: string): Skill | undefined;
}

/** A group of the hand alias table ("K8s" = "Kubernetes") seen as a skill, with its first names as labels. */
function skillOfAliasGroup(group: (typeof SKILL_ALIAS_GROUPS)[number]): Skill {
  return {
    id: `alias:${group.id}`,
    kind: group.category === 'soft' ? 'soft' : 'hard',
    type: 'knowledge',
    labelEn: group.en[0] ?? '',
    labelFr: group.fr[0] ?? group.en[0] ?? '',
    altEn: group.en.slice(1),
    altFr: group.fr.slice(1),
  };
}

// Job titles that neither ESCO nor ROME v3.47 spell out, mapped to their closest occupation label.
const OCCUPATION_ALIASES: Record<string, string> = {
  'analyste soc': 'ICT security administrator',
  'soc analyst': 'ICT security administrator',
  'analyste cybersecurite': 'ICT security administrator',
  'cybersecurity analyst': 'ICT security administrator',
  pentester: 'ethical hacker',
  infirmier: 'nurse responsible for general care',
  infirmiere: 'nurse responsible for general care',
  ide: 'nurse responsible for general care',
  'qa analyst': 'software tester',
  'qa tester': 'software tester',
  'testeur qa': 'software tester',
  'hr advisor': 'human resources officer',
  'hr officer': 'human resources officer',
  'charge recrutement': 'human resources officer',
  'commercial terrain': 'commercial sales representative',
  'commercial b2b': 'commercial sales representative',
  'customer success manager': 'account manager',
  'ux designer': 'user experience analyst',
  nurse: 'nurse responsible for general care',
  'registered nurse': 'nurse responsible for general care',
};

/** Builds the indexes over taxonomy data (a few tens of milliseconds for the shipped file). */
export function createTaxonomy(data: TaxonomyData): Taxonomy {
  const s = data.skills;
  const o = data.occupations;
  const skillCache = new Map<number, Skill>();
  const skillById = new Map<string, number>();
  s.id.forEach((id, index) => {
    skillById.set(id, index);
  });

  const toSkill = (index: number): Skill => {
    let skill = skillCache.get(index);
    if (!skill) {
      skill = {
        id: s.id[index] ?? '',
        kind: s.kind[index] === 's' ? 'soft' : 'hard',
        type: s.type[index] === 'k' ? 'knowledge' : 'competence',
        labelEn: s.en[index] ?? '',
        labelFr: s.fr[index] ?? '',
        altEn: s.altEn[index] ? (s.altEn[index] ?? '').split('|') : [],
        altFr: s.altFr[index] ? (s.altFr[index] ?? '').split('|') : [],
      };
      skillCache.set(index, skill);
    }
    return skill;
  };

  // Stem key ("f…"/"e…") → skill indices. ESCO before ROME (ESCO comes first in the file).
  const skillKeys = new Map<string, number[]>();
  s.keys.forEach((joined, index) => {
    if (!joined) return;
    for (const key of joined.split('|')) {
      const list = skillKeys.get(key);
      if (list) list.push(index);
      else skillKeys.set(key, [index]);
    }
  });

  // Folded key → occupations, with rank 0 for a preferred label and 1 for an alternative one.
  // Built on first occupation lookup: the ATS path never needs it.
  let occupationIndex: Map<string, { index: number; rank: number }[]> | undefined;
  const buildOccupationIndex = () => {
    const occupationKeys = new Map<string, { index: number; rank: number }[]>();
    o.keys.forEach((joined, index) => {
      const [preferred = '', alternative = ''] = joined.split('§');
      [preferred, alternative].forEach((part, rank) => {
        for (const key of part.split('|')) {
          if (!key) continue;
          const list = occupationKeys.get(key);
          if (list) list.push({ index, rank });
          else occupationKeys.set(key, [{ index, rank }]);
        }
      });
    });
    return occupationKeys;
  };
  const occupationById = new Map<string, number>();
  o.id.forEach((id, index) => {
    occupationById.set(id, index);
  });
  const toOccupation = (index: number): Occupation => {
    const id = o.id[index] ?? '';
    return {
      id,
      source: id.startsWith('rome:') ? 'rome' : 'esco',
      labelEn: o.en[index] ?? '',
      labelFr: o.fr[index] ?? '',
      altLabels: o.alt[index] ? (o.alt[index] ?? '').split('|') : [],
    };
  };

  const keysOfJobLabel = (label: string): string[] => {
    const keys = splitGenderedLabel(label).map((form) => buildPhraseKey(form, 'fr', 'fold'));
    return [...new Set(keys.filter((key) => key.length > 0))];
  };

  // The no-exact-label fallback scans every key (~1–2 ms): results are memoised per label.
  const occupationMemo = new Map<string, Occupation[]>();
  const findOccupations = (label: string, limit = 5): Occupation[] => {
    const memoKey = `${limit}\u0000${label}`;
    const memo = occupationMemo.get(memoKey);
    if (memo) return memo;
    const found = searchOccupations(label, limit);
    if (occupationMemo.size >= 5_000) occupationMemo.clear();
    occupationMemo.set(memoKey, found);
    return found;
  };
  const searchOccupations = (label: string, limit: number): Occupation[] => {
    occupationIndex ??= buildOccupationIndex();
    const occupationKeys = occupationIndex;
    const scored = new Map<number, number>();
    const consider = (index: number, score: number) => {
      if (score < (scored.get(index) ?? Number.POSITIVE_INFINITY)) scored.set(index, score);
    };
    // Scores hits of keys tried in order: an alias target first, then the keys themselves; a
    // preferred label beats an alternative one; ESCO (richer skill lists) beats ROME on ties.
    const tryKeys = (keys: string[], base: number) => {
      const alias = keys.map((key) => OCCUPATION_ALIASES[key]).find((value) => value !== undefined);
      const ordered = alias ? [...keysOfJobLabel(alias), ...keys] : keys;
      ordered.forEach((key, keyRank) => {
        for (const hit of occupationKeys.get(key) ?? []) {
          const romePenalty = (o.id[hit.index] ?? '').startsWith('rome:') ? 0.5 : 0;
          consider(hit.index, base + keyRank * 10 + hit.rank * 2 + romePenalty);
        }
      });
    };
    const keys = keysOfJobLabel(label);
    tryKeys(keys, 0);
    if (scored.size === 0) {
      // Qualifiers a title adds to its occupation ("web front-end", "junior") are dropped one word
      // at a time from the end; the longest shortened title that matches wins.
      const longest = Math.max(0, ...keys.map((key) => key.split(' ').length));
      for (let n = longest - 1; n >= 1 && scored.size === 0; n--) {
        tryKeys([...new Set(keys.map((key) => key.split(' ').slice(0, n).join(' ')))], 50);
      }
    }
    if (scored.size === 0) {
      // No exact label even shortened: the shortest labels that start with the query ("infirmier" → "infirmier anesthésiste").
      for (const key of keys) {
        for (const [candidate, hits] of occupationKeys) {
          if (!candidate.startsWith(`${key} `)) continue;
          for (const hit of hits) consider(hit.index, 100 + candidate.length + hit.rank);
        }
      }
    }
    return [...scored.entries()]
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([index]) => toOccupation(index));
  };

  // Ranking several hits tokenizes their labels: memoised, since offers repeat the same terms.
  const rankedMemo = new Map<string, Skill[]>();
  const findSkillsByStemKey = (stemKey: string, language: Language): Skill[] => {
    const prefixed = `${language === 'fr' ? 'f' : 'e'}${stemKey}`;
    const indices = skillKeys.get(prefixed);
    if (!indices) return [];
    if (indices.length < 2) return indices.map(toSkill);
    const memo = rankedMemo.get(prefixed);
    if (memo) return memo;
    const ranked = rankSkills(indices.map(toSkill), stemKey, language);
    if (rankedMemo.size >= 10_000) rankedMemo.clear();
    rankedMemo.set(prefixed, ranked);
    return ranked;
  };
  const rankSkills = (hits: Skill[], stemKey: string, language: Language): Skill[] => {
    // A skill whose preferred label is the term beats one that merely lists it as an alias.
    const preferred = (skill: Skill) =>
      buildPhraseKey(language === 'fr' ? skill.labelFr : skill.labelEn, language, 'stem') === stemKey ? 0 : 1;
    return hits
      .map((skill, order) => ({ skill, order, rank: preferred(skill) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map((entry) => entry.skill);
  };

  const singular = (word: string) => word.replace(/s$/, '');
  const findSkillByWords = (folds: readonly string[], stems: readonly string[], language: Language) => {
    const hits = findSkillsByStemKey(stems.join(' '), language);
    if (folds.length !== 1) return hits[0];
    const word = singular(folds[0] ?? '');
    // A one-word label equals the word once folded; longer labels cannot name a single word.
    return hits.find((skill) =>
      [skill.labelEn, skill.labelFr, ...skill.altEn, ...skill.altFr].some(
        (label) => !label.includes(' ') && singular(foldText(label)) === word,
      ),
    );
  };

  return {
    attribution: data.attribution,
    findSkillByWords,
    skillCount: s.id.length,
    occupationCount: o.id.length,
    findOccupation: (label) => findOccupations(label, 1)[0],
    findOccupations,
    skillsOfOccupation(occupation) {
      const index = occupationById.get(typeof occupation === 'string' ? occupation : occupation.id);
      if (index === undefined) return { essential: [], optional: [] };
      return {
        essential: (o.essential[index] ?? []).map(toSkill),
        optional: (o.optional[index] ?? []).map(toSkill),
      };
    },
    lookupSkill(term, language) {
      const languages: Language[] = language ? [language, language === 'fr' ? 'en' : 'fr'] : ['fr', 'en'];
      const lookup = (text: string) => {
        for (const candidate of languages) {
          const folds = buildPhraseKey(text, candidate, 'fold').split(' ');
          const stems = buildPhraseKey(text, candidate, 'stem').split(' ');
          const hit = findSkillByWords(folds, stems, candidate);
          if (hit) return hit;
        }
        return undefined;
      };
      // The hand alias table wins: it knows nicknames and translations ESCO lacks ("K8s",
      // "tests A/B"), and ESCO's alternative labels are sometimes loose ("négociation" is an alias
      // of "negotiate rights of use").
      const group = findAliasGroup(term, language);
      if (!group) return lookup(term);
      const canonical = group.en[0] ?? '';
      const canonicalKey = buildPhraseKey(canonical, 'en', 'stem');
      const esco = findSkillsByStemKey(canonicalKey, 'en')[0];
      if (esco && buildPhraseKey(esco.labelEn, 'en', 'stem') === canonicalKey) return esco;
      return skillOfAliasGroup(group);
    },
    findSkillsByStemKey,
    getSkill(id) {
      if (id.startsWith('alias:')) {
        const group = SKILL_ALIAS_GROUPS.find((entry) => `alias:${entry.id}` === id);
        return group ? skillOfAliasGroup(group) : undefined;
      }
      const index = skillById.get(id);
      return index === undefined ? undefined : toSkill(index);
    },
  };
}
