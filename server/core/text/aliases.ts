import type { Language } from './language';
import { buildPhraseKey } from './phrase';

/** What a skill is, for the ATS breakdown. */
export type SkillCategory = 'hard' | 'soft' | 'education' | 'title' | 'other';

/** A group of names for one skill, across spellings and languages; the first of `en` is the canonical name. */
export interface AliasGroup {
  id: string;
  category: SkillCategory;
  en: readonly string[];
  fr: readonly string[];
}

// Hand-written because ESCO misses tool nicknames (K8s), word-order translations ("data
// visualisation" / "visualisation de données") and French workplace phrasing. Each entry was
// needed by a real offer/CV pair or is a standard abbreviation.
const GROUPS: readonly AliasGroup[] = [
  { id: 'kubernetes', category: 'hard', en: ['Kubernetes', 'K8s'], fr: [] },
  { id: 'javascript', category: 'hard', en: ['JavaScript', 'JS', 'ECMAScript'], fr: [] },
  { id: 'typescript', category: 'hard', en: ['TypeScript', 'TS'], fr: [] },
  { id: 'nodejs', category: 'hard', en: ['Node.js', 'NodeJS', 'Node'], fr: [] },
  { id: 'react', category: 'hard', en: ['React', 'React.js', 'ReactJS'], fr: [] },
  { id: 'postgresql', category: 'hard', en: ['PostgreSQL', 'Postgres'], fr: [] },
  { id: 'power-bi', category: 'hard', en: ['Power BI', 'PowerBI'], fr: [] },
  {
    id: 'excel',
    category: 'hard',
    en: ['Excel', 'Microsoft Excel', 'MS Excel', 'spreadsheets'],
    fr: ['tableur'],
  },
  {
    id: 'ms-office',
    category: 'hard',
    en: ['Microsoft Office', 'MS Office', 'Office suite', 'Microsoft 365'],
    fr: ['Pack Office', 'suite Office', 'outils bureautiques'],
  },
  { id: 'google-sheets', category: 'hard', en: ['Google Sheets'], fr: [] },
  {
    id: 'ci-cd',
    category: 'hard',
    en: ['CI/CD', 'continuous integration', 'CI pipelines'],
    fr: ['intégration continue'],
  },
  {
    id: 'machine-learning',
    category: 'hard',
    en: ['machine learning', 'ML'],
    fr: ['apprentissage automatique'],
  },
  {
    id: 'ai',
    category: 'hard',
    en: ['artificial intelligence', 'AI'],
    fr: ['intelligence artificielle', 'IA'],
  },
  {
    id: 'dataviz',
    category: 'hard',
    en: ['data visualisation', 'data visualization', 'dataviz', 'data viz'],
    fr: ['visualisation de données', 'visualisation des données'],
  },
  {
    id: 'data-analysis',
    category: 'hard',
    en: ['data analysis', 'data analytics'],
    fr: ['analyse de données', 'analyse des données', 'data analyse'],
  },
  {
    id: 'data-cleaning',
    category: 'hard',
    en: ['data cleaning', 'data cleansing'],
    fr: ['nettoyage de données', 'nettoyage des données'],
  },
  {
    id: 'dashboards',
    category: 'hard',
    en: ['dashboards', 'dashboard'],
    fr: ['tableaux de bord', 'tableau de bord'],
  },
  {
    id: 'statistics',
    category: 'hard',
    en: ['statistics', 'descriptive statistics'],
    fr: ['statistiques', 'statistiques descriptives'],
  },
  {
    id: 'ab-testing',
    category: 'hard',
    en: ['A/B testing', 'A/B tests', 'AB testing', 'split testing'],
    fr: ['tests A/B', 'test A/B', 'tests AB'],
  },
  {
    id: 'project-management',
    category: 'hard',
    en: ['project management'],
    fr: ['gestion de projet', 'gestion de projets', 'conduite de projet', 'pilotage de projet'],
  },
  {
    id: 'product-management',
    category: 'hard',
    en: ['product management'],
    fr: ['gestion de produit', 'gestion produit'],
  },
  {
    id: 'unit-tests',
    category: 'hard',
    en: ['unit tests', 'unit testing'],
    fr: ['tests unitaires', 'test unitaire'],
  },
  {
    id: 'test-automation',
    category: 'hard',
    en: ['test automation', 'automated tests', 'automated testing'],
    fr: ['automatisation des tests', 'tests automatisés'],
  },
  { id: 'manual-testing', category: 'hard', en: ['manual testing', 'manual tests'], fr: ['tests manuels'] },
  {
    id: 'regression-testing',
    category: 'hard',
    en: ['regression testing', 'regression tests'],
    fr: ['tests de non-régression', 'tests de régression'],
  },
  {
    id: 'code-review',
    category: 'hard',
    en: ['code review', 'code reviews'],
    fr: ['revue de code', 'revues de code'],
  },
  {
    id: 'user-research',
    category: 'hard',
    en: ['user research', 'user interviews'],
    fr: ['recherche utilisateur', 'entretiens utilisateurs'],
  },
  {
    id: 'usability-testing',
    category: 'hard',
    en: ['usability testing', 'usability tests'],
    fr: ["tests d'utilisabilité", "test d'utilisabilité"],
  },
  { id: 'prototyping', category: 'hard', en: ['prototyping'], fr: ['prototypage'] },
  {
    id: 'ux-design',
    category: 'hard',
    en: ['UX design', 'user experience design'],
    fr: ['design UX', 'conception UX'],
  },
  { id: 'accessibility', category: 'hard', en: ['accessibility', 'a11y'], fr: ['accessibilité'] },
  {
    id: 'agile',
    category: 'hard',
    en: ['Agile', 'agile methods', 'agile methodologies'],
    fr: ['méthodes agiles', 'méthodologie agile', 'agilité'],
  },
  { id: 'user-stories', category: 'hard', en: ['user stories'], fr: ['récits utilisateurs'] },
  {
    id: 'dsp',
    category: 'hard',
    en: ['digital signal processing', 'DSP', 'signal processing'],
    fr: ['traitement du signal', 'traitement numérique du signal'],
  },
  {
    id: 'crm',
    category: 'hard',
    en: ['CRM', 'customer relationship management'],
    fr: ['gestion de la relation client'],
  },
  {
    id: 'recruitment',
    category: 'hard',
    en: ['recruitment', 'recruiting', 'recruitment and selection'],
    fr: ['recrutement'],
  },
  {
    id: 'interviewing',
    category: 'hard',
    en: ['interviewing', 'conducting interviews'],
    fr: ["conduite d'entretien", "conduite d'entretiens", "techniques d'entretien"],
  },
  { id: 'negotiation', category: 'hard', en: ['negotiation'], fr: ['négociation'] },
  {
    id: 'prospecting',
    category: 'hard',
    en: ['prospecting', 'business development'],
    fr: ['prospection', 'développement commercial'],
  },
  { id: 'payroll', category: 'hard', en: ['payroll'], fr: ['paie'] },
  { id: 'customer-success', category: 'hard', en: ['customer success'], fr: ['succès client'] },
  {
    id: 'account-management',
    category: 'hard',
    en: ['account management'],
    fr: ['gestion de comptes', 'gestion de portefeuille clients'],
  },
  { id: 'employment-law', category: 'hard', en: ['employment law'], fr: ['droit du travail'] },
  {
    id: 'driving-licence',
    category: 'education',
    en: ['driving licence', 'driving license', "driver's license"],
    fr: ['permis B', 'permis de conduire'],
  },
  { id: 'english', category: 'other', en: ['English'], fr: ['anglais'] },
  { id: 'french', category: 'other', en: ['French'], fr: ['français'] },
  { id: 'german', category: 'other', en: ['German'], fr: ['allemand'] },
  { id: 'spanish', category: 'other', en: ['Spanish'], fr: ['espagnol'] },
  {
    id: 'teamwork',
    category: 'soft',
    en: ['teamwork', 'team spirit', 'team player'],
    fr: ["esprit d'équipe", 'travail en équipe', "travail d'équipe"],
  },
  {
    id: 'communication',
    category: 'soft',
    en: ['communication', 'communication skills', 'written and verbal communication'],
    fr: ['communication', 'aisance relationnelle', 'qualités relationnelles'],
  },
  {
    id: 'written-skills',
    category: 'soft',
    en: ['writing skills', 'written communication'],
    fr: ['qualités rédactionnelles', 'aisance rédactionnelle'],
  },
  {
    id: 'rigour',
    category: 'soft',
    en: ['rigour', 'rigor', 'attention to detail'],
    fr: ['rigueur', 'sens du détail'],
  },
  { id: 'autonomy', category: 'soft', en: ['autonomy', 'self-starter', 'independence'], fr: ['autonomie'] },
  {
    id: 'adaptability',
    category: 'soft',
    en: ['adaptability', 'flexibility', 'versatility'],
    fr: ['adaptabilité', 'polyvalence', "capacité d'adaptation"],
  },
  { id: 'curiosity', category: 'soft', en: ['curiosity'], fr: ['curiosité'] },
  { id: 'leadership', category: 'soft', en: ['leadership'], fr: ['leadership'] },
  {
    id: 'organisation',
    category: 'soft',
    en: ['organisation skills', 'organizational skills', 'time management'],
    fr: ["sens de l'organisation", 'organisation'],
  },
  {
    id: 'discretion',
    category: 'soft',
    en: ['discretion', 'confidentiality', 'confidential'],
    fr: ['discrétion', 'confidentialité'],
  },
  {
    id: 'customer-focus',
    category: 'soft',
    en: ['customer focus', 'customer orientation'],
    fr: ['sens du client', 'orientation client'],
  },
  { id: 'safety-mindset', category: 'soft', en: ['safety awareness'], fr: ['sens de la sécurité'] },
  {
    id: 'stakeholder-management',
    category: 'soft',
    en: ['stakeholder management'],
    fr: ['gestion des parties prenantes'],
  },
  {
    id: 'empathy',
    category: 'soft',
    en: ['empathy', 'active listening'],
    fr: ['empathie', 'écoute active', "sens de l'écoute"],
  },
  {
    id: 'service-public',
    category: 'soft',
    en: ['public service'],
    fr: ['service public', 'sens du service public'],
  },
];

/** The hand-written alias groups (read-only). */
export const SKILL_ALIAS_GROUPS: readonly AliasGroup[] = GROUPS;

// Keys: folded and stemmed (French and English) forms of every variant. Built on first use.
let aliasIndex: Map<string, AliasGroup> | undefined;

function buildAliasIndex(): Map<string, AliasGroup> {
  const index = new Map<string, AliasGroup>();
  for (const group of GROUPS) {
    for (const variant of [...group.en, ...group.fr]) {
      for (const language of ['fr', 'en'] as const) {
        for (const mode of ['fold', 'stem'] as const) {
          const key = `${mode}:${buildPhraseKey(variant, language, mode)}`;
          if (!index.has(key)) index.set(key, group);
        }
      }
    }
  }
  return index;
}

/** The alias group a skill name belongs to ("K8s" → Kubernetes, "tests A/B" → A/B testing), if any. */
export function findAliasGroup(term: string, language: Language = 'fr'): AliasGroup | undefined {
  aliasIndex ??= buildAliasIndex();
  return (
    aliasIndex.get(`fold:${buildPhraseKey(term, language, 'fold')}`) ??
    aliasIndex.get(`stem:${buildPhraseKey(term, language, 'stem')}`)
  );
}

/** The alias group whose variant has exactly this folded or stemmed key (see buildPhraseKey). */
export function findAliasGroupByKey(key: string, mode: 'fold' | 'stem'): AliasGroup | undefined {
  aliasIndex ??= buildAliasIndex();
  return aliasIndex.get(`${mode}:${key}`);
}

/** Canonical name of a skill when the alias table knows it ("K8s" → "Kubernetes"), else the term trimmed. */
export function normalizeSkillAlias(term: string, language: Language = 'fr'): string {
  return findAliasGroup(term, language)?.en[0] ?? term.trim();
}
