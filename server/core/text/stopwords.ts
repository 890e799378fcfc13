import { createRequire } from 'node:module';
import { foldText } from './fold';
import type { Language } from './language';

// stopwords-iso is generous: its English list holds content words that are skills or job words
// in a CV ("web", "test", "research", "HR", "QA", "Microsoft"…). Those stay meaningful here.
const KEEP: Record<Language, string[]> = {
  en: [
    'ai',
    'qa',
    'hr',
    'ts',
    'cv',
    'pl',
    'ml',
    'pm',
    'ci',
    'cd',
    'net',
    'web',
    'html',
    'microsoft',
    'computer',
    'information',
    'research',
    'system',
    'systems',
    'test',
    'tests',
    'text',
    'website',
    'work',
    'working',
    'world',
    'value',
    'values',
    'interest',
    'problem',
    'problems',
    'order',
    'orders',
    'general',
    'group',
    'groups',
    'home',
    'help',
    'page',
    'pages',
    'part',
    'place',
    'point',
    'room',
    'side',
    'state',
    'name',
    'number',
    'member',
    'members',
    'section',
    'site',
    'index',
    'date',
    'detail',
    'copy',
    'case',
    'cases',
    'free',
    'front',
    'open',
    'fire',
    'bill',
    'length',
    'line',
    'face',
    'course',
    'changes',
    'effect',
    'high',
    'clear',
    'brief',
    'early',
    'novel',
    'words',
    'move',
    'join',
    'call',
    'goods',
    'security',
    'present',
    'presenting',
    'results',
    'research',
    'au',
    'ux',
    'ui',
    'bi',
    'vr',
    'ar',
    'act',
    'fix',
    'law',
    'men',
    'buy',
    'sub',
    'int',
    'low',
    'big',
    'old',
    'young',
  ],
  fr: [
    'valeur',
    'valeurs',
    'état',
    'essai',
    'sujet',
    'parole',
    'personne',
    'personnes',
    'force',
    'retour',
    'gens',
  ],
};

// stopwords-iso's entry point is a JSON file: Node's ESM loader refuses to import it without an
// import attribute, so it is required (works the same in tsx, Vitest and the esbuild bundle).
const stopwordsIso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

function buildStopSet(language: Language): Set<string> {
  const keep = new Set(KEEP[language]);
  const words = new Set<string>();
  for (const word of stopwordsIso[language] ?? []) {
    if (keep.has(word)) continue;
    words.add(word);
    words.add(foldText(word));
  }
  return words;
}

const STOP_SETS: Record<Language, Set<string>> = { fr: buildStopSet('fr'), en: buildStopSet('en') };
// A French offer quotes English tools and an English CV quotes French schools: the union catches both.
const ANY_STOP = new Set([...STOP_SETS.fr, ...STOP_SETS.en]);

/** True when a lowercased (or folded) word is a stop word of the language ('any' = French or English). */
export function isStopWord(word: string, language: Language | 'any' = 'any'): boolean {
  return language === 'any' ? ANY_STOP.has(word) : STOP_SETS[language].has(word);
}
