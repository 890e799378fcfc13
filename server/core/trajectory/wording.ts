/** Every sentence the Trajectory Builder writes, in French and in English. */
import type { Language } from '../text';
import type { Importance, StepKind } from './schemas';

/** "A, B et C" / "A, B and C". */
export function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1] ?? '';
  return `${items.slice(0, -1).join(', ')} ${language === 'fr' ? 'et' : 'and'} ${last}`;
}

const quote = (text: string, language: Language) => (language === 'fr' ? `« ${text} »` : `“${text}”`);

export interface GapReasonInput {
  fromOffer: boolean;
  fromOccupation: boolean;
  required: boolean;
  importance: Importance;
  mentionedByOffer: boolean;
  target: string;
}

export function gapReason(input: GapReasonInput, language: Language): string {
  const target = quote(input.target, language);
  if (language === 'fr') {
    const absent = 'absente du CV.';
    if (input.fromOffer && input.fromOccupation)
      return `${input.required ? "Exigée par l'offre" : "Un plus selon l'offre"} et ${input.importance === 'essential' ? 'essentielle' : 'utile'} au métier ${target} ; ${absent}`;
    if (input.fromOffer)
      return `${input.required ? "Exigée par l'offre" : "Un plus selon l'offre"} ; ${absent}`;
    const base = `Compétence ${input.importance === 'essential' ? 'essentielle' : 'utile'} du métier ${target}`;
    return `${base}${input.mentionedByOffer ? ", que l'offre évoque aussi" : ''} ; ${absent}`;
  }
  const absent = 'not shown in the CV.';
  if (input.fromOffer && input.fromOccupation)
    return `${input.required ? 'Required by the offer' : 'A plus for the offer'} and ${input.importance === 'essential' ? 'essential' : 'useful'} to the ${target} occupation; ${absent}`;
  if (input.fromOffer)
    return `${input.required ? 'Required by the offer' : 'A plus for the offer'}; ${absent}`;
  const base = `${input.importance === 'essential' ? 'Essential' : 'Useful'} skill of the ${target} occupation`;
  return `${base}${input.mentionedByOffer ? ', also mentioned in the offer' : ''}; ${absent}`;
}

export interface StepWordingInput {
  from: string;
  to: string;
  transferable: string[];
  gaps: string[];
  relatedTraining: string[];
  hasOffer: boolean;
}

const STEP_TITLES: Record<StepKind, Record<Language, string>> = {
  assessment: { fr: 'Faire le point sur vos compétences', en: 'Take stock of your skills' },
  training: { fr: 'Vous former sur les écarts prioritaires', en: 'Train on the priority gaps' },
  practice: { fr: 'Mettre en pratique sur des projets concrets', en: 'Practise on concrete projects' },
  networking: { fr: 'Développer votre réseau dans le métier', en: 'Build your network in the field' },
  applications: { fr: 'Candidater de façon ciblée', en: 'Apply, with targeted applications' },
};

export function stepTitle(kind: StepKind, language: Language): string {
  return STEP_TITLES[kind][language];
}

export function stepDetail(kind: StepKind, input: StepWordingInput, language: Language): string {
  const fr = language === 'fr';
  const to = quote(input.to, language);
  const from = quote(input.from, language);
  const top = (items: string[], count: number) => joinList(items.slice(0, count), language);
  switch (kind) {
    case 'assessment': {
      const counts = fr
        ? `${input.transferable.length} compétence(s) transférable(s) repérée(s) dans votre CV, ${input.gaps.length} écart(s) à combler.`
        : `${input.transferable.length} transferable skill(s) found in your CV, ${input.gaps.length} gap(s) to close.`;
      return fr
        ? `Comparez votre parcours de ${from} aux attentes du métier ${to} : ${counts} Validez le projet avec un conseiller ou un bilan de compétences avant d'engager une formation.`
        : `Compare your ${from} background with what the ${to} occupation expects: ${counts} Check the plan with a careers adviser or a skills assessment before committing to training.`;
    }
    case 'training': {
      const focus = input.gaps.length > 0 ? top(input.gaps, 4) : '';
      const shortened =
        input.relatedTraining.length > 0
          ? fr
            ? ` Votre formation ou certification déjà acquise (${top(input.relatedTraining, 2)}) raccourcit cette étape.`
            : ` The training or certification you already hold (${top(input.relatedTraining, 2)}) shortens this step.`
          : '';
      if (!focus)
        return fr
          ? `Aucun écart majeur : une mise à niveau courte sur les outils du métier ${to} suffit.${shortened}`
          : `No major gap: a short refresher on the tools of the ${to} occupation is enough.${shortened}`;
      return fr
        ? `Priorité : ${focus}. Choisissez une formation certifiante (inscrite au RNCP ou au Répertoire spécifique) ou des modules courts qui couvrent ces points.${shortened}`
        : `Priority: ${focus}. Choose a certified course (listed in France's RNCP or Répertoire spécifique) or short modules that cover these points.${shortened}`;
    }
    case 'practice': {
      const skills = top([...input.gaps.slice(0, 2), ...input.transferable.slice(0, 2)], 4);
      return fr
        ? `Réalisez un ou deux projets concrets qui mobilisent ${skills || 'les compétences du métier'}, de préférence sur un sujet lié à votre expérience de ${from}, et documentez-les pour les montrer en entretien.`
        : `Complete one or two concrete projects that use ${skills || 'the skills of the occupation'}, ideally on a topic linked to your ${from} experience, and write them up to show in interviews.`;
    }
    case 'networking':
      return fr
        ? `Échangez avec des professionnels du métier ${to} : enquêtes métier, anciens de votre formation, associations et événements professionnels, immersion en entreprise si possible.`
        : `Talk to people working as ${to}: informational interviews, alumni of your course, professional groups and events, a short work placement if possible.`;
    case 'applications': {
      const proofs = top(input.transferable, 3);
      const offer = input.hasOffer
        ? fr
          ? " Commencez par l'offre analysée."
          : ' Start with the offer you analysed.'
        : '';
      return fr
        ? `Ciblez les offres de ${to} ouvertes aux reconversions ; dans chaque lettre, appuyez-vous sur ${proofs || 'vos compétences transférables'} avec leurs preuves tirées du CV.${offer}`
        : `Target ${to} openings that welcome career changers; in each letter, lean on ${proofs || 'your transferable skills'} with the proof from your CV.${offer}`;
    }
  }
}

export function summarize(
  input: {
    from: string;
    to: string;
    transferable: number;
    gaps: number;
    essentialGaps: number;
    totalWeeks: number;
  },
  language: Language,
): string {
  const from = quote(input.from, language);
  const to = quote(input.to, language);
  if (language === 'fr') {
    return (
      `De ${from} à ${to} : ${input.transferable} compétence(s) transférable(s) prouvée(s) par le CV et ` +
      `${input.gaps} écart(s) à combler, dont ${input.essentialGaps} essentiel(s). ` +
      `Parcours estimé à ${input.totalWeeks} semaines, du bilan aux candidatures.`
    );
  }
  return (
    `From ${from} to ${to}: ${input.transferable} transferable skill(s) backed by the CV and ` +
    `${input.gaps} gap(s) to close, ${input.essentialGaps} of them essential. ` +
    `Estimated path: ${input.totalWeeks} weeks, from assessment to applications.`
  );
}
