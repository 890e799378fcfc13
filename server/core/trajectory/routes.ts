/**
 * French career-change schemes. Named generically and explained in the user's language: the
 * schemes are French whatever the interface language, since the users are in France. No links and
 * no amounts: those change and are checked with an adviser.
 */
import type { Language } from '../text';
import type { TrajectoryRoute } from './schemas';
import { joinList } from './wording';

export interface RouteContext {
  to: string;
  gaps: string[];
  trainingWeeks: number;
  /** The longest job in the target field, with its length in months. */
  relatedExperience: { title: string; months: number } | null;
  hasOffer: boolean;
}

/** Long enough to call for funded time off or a work-study contract rather than evenings and weekends. */
const LONG_TRAINING_WEEKS = 12;
const VAE_MIN_MONTHS = 12;

export function suggestRoutes(context: RouteContext, language: Language): TrajectoryRoute[] {
  const fr = language === 'fr';
  const routes: TrajectoryRoute[] = [];
  const to = fr ? `« ${context.to} »` : `“${context.to}”`;
  routes.push({
    name: fr
      ? 'Conseil en évolution professionnelle (CEP)'
      : 'Conseil en évolution professionnelle (CEP, career advice)',
    when: fr
      ? 'Dès le début : un conseiller vous aide à valider le projet et à repérer les financements possibles.'
      : 'At the start: an adviser helps you check the plan and find out which funding applies to you.',
  });
  routes.push({
    name: fr ? 'Bilan de compétences' : 'Bilan de compétences (skills assessment)',
    when: fr
      ? `Avant une formation longue, pour confirmer le projet ${to} et mettre des mots sur vos compétences transférables ; mobilisable avec le CPF.`
      : `Before a long course, to confirm the ${to} plan and name your transferable skills; can be funded with your CPF.`,
  });
  if (context.gaps.length > 0) {
    const focus = joinList(context.gaps.slice(0, 3), language);
    routes.push({
      name: fr
        ? 'Compte personnel de formation (CPF)'
        : 'Compte personnel de formation (CPF, personal training account)',
      when: fr
        ? `Pour financer une formation certifiante (RNCP ou Répertoire spécifique) qui couvre ${focus}.`
        : `To fund a certified course (RNCP or Répertoire spécifique) that covers ${focus}.`,
    });
  }
  if (context.relatedExperience && context.relatedExperience.months >= VAE_MIN_MONTHS) {
    const years = Math.floor(context.relatedExperience.months / 12);
    const title = context.relatedExperience.title;
    routes.push({
      name: fr
        ? "Validation des acquis de l'expérience (VAE)"
        : "Validation des acquis de l'expérience (VAE, accreditation of prior experience)",
      when: fr
        ? `Votre expérience de ${title} (${years} an${years > 1 ? 's' : ''} ou plus) peut être validée, en tout ou partie, pour obtenir une certification du métier visé.`
        : `Your experience as ${title} (${years} year${years > 1 ? 's' : ''} or more) can count, fully or in part, towards a certification for the target occupation.`,
    });
  }
  if (context.gaps.length > 0) {
    routes.push({
      name: fr
        ? 'Formations France Travail (dont POEI)'
        : 'France Travail training (including POEI, pre-hiring training)',
      when: fr
        ? `Si vous êtes inscrit(e) comme demandeur d'emploi : formations financées, ou préparation opérationnelle à l'emploi (POEI) quand un employeur${context.hasOffer ? ", par exemple celui de l'offre," : ''} s'engage à vous recruter après la formation.`
        : `If you are registered as a job-seeker: funded courses, or POEI when an employer${context.hasOffer ? ', such as the one in the offer,' : ''} commits to hire you after the training.`,
    });
  }
  if (context.trainingWeeks >= LONG_TRAINING_WEEKS) {
    routes.push({
      name: fr
        ? 'Projet de transition professionnelle (Transitions Pro)'
        : 'Projet de transition professionnelle (Transitions Pro, funded career-change leave)',
      when: fr
        ? 'Si vous êtes salarié(e) : pour suivre une formation certifiante longue en gardant votre contrat, sur dossier.'
        : 'If you are employed: to follow a long certified course while keeping your job contract, on application.',
    });
    routes.push({
      name: fr
        ? 'Alternance (contrat de professionnalisation ou d’apprentissage)'
        : 'Alternance (work-study contract: professionnalisation or apprentissage)',
      when: fr
        ? 'Pour vous former en étant payé(e) par une entreprise du métier visé : formation et pratique avancent ensemble.'
        : 'To train while paid by an employer in the target field: training and practice move forward together.',
    });
  }
  return routes;
}
