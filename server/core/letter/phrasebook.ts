/**
 * The shape of the offline writer's phrasebooks. Each slot of the letter has variants per tone;
 * a template receives the prepared context (names already inflected) and at most one item.
 */
import type { Tone } from './options';

/** Strings prepared once per letter so that templates never inflect anything themselves. */
export interface PhraseContext {
  /** The job title in running text ("technicien de maintenance", "Data Analyst junior"). */
  role: string;
  /** French: "poste de Data Analyst junior" / "poste d'UX/UI Designer"; English: "the QA Analyst role". */
  post: string;
  /** The company as subject/object ("Médiane Santé", "la Laiterie des Abers", "your organisation"). */
  company: string;
  /** French "de" + company ("d'Ardoise", "de la Communauté…"); English: possessive-free "at X" form. */
  ofCompany: string;
  /** Where: "chez Médiane Santé", "à la Laiterie des Abers" / "at Wavefold Audio". */
  atCompany: string;
  /** The previous career as the user named it ("infirmier", "airline cabin crew"). */
  from: string;
  /** French "d'infirmier" / English "a nurse". */
  ofFrom: string;
  /** "de 2018 à 2024, au CHU de Garonne-Sud, j'ai exercé comme infirmier en réanimation" (lower-case start). */
  pastClause: string;
  /** A transferable skill that reads after "m'a appris" / "taught me" ("la rigueur…"), or null. */
  learnedSkill: string | null;
}

/** A template: the context, the slot's item (a fact, a keyword list, an answer…) and an optional second item. */
export type Template = (c: PhraseContext, item: string, extra: string) => string;

/** Slots written per tone: where the tones must sound different. */
export interface TonePhrases {
  opening: Template[];
  bridge: Template[];
  bridgeWithSkill: Template[];
  /** Connectors before a CV fact quoted after a colon ("un exemple parmi d'autres"). */
  proofIntro: string[];
  reframe: Template[];
  narrative: Template[];
  together: Template[];
  call: Template[];
}

/** Slots whose wording depends less on tone (they carry the data); a few variants each. */
export interface SharedPhrases {
  whyCompany: Template[];
  values: Template[];
  mission: Template[];
  skill: Template[];
  keywords: Template[];
  training: Template[];
  trainingCertification: Template[];
  trainingOngoing: Template[];
  learning: Template[];
  proud: Template[];
  /** Connectors before a CV fact quoted in guillemets / quotes (a second form of proof). */
  quoteIntro: string[];
}

/** A language's phrasebook: per-tone slots and shared slots. */
export interface Phrasebook {
  tones: Record<Tone, TonePhrases>;
  shared: SharedPhrases;
}
