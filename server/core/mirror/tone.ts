/** Maps an offer's register (and whether the role is a creative one) to one of the six letter tones. */
import type { Tone } from '../letter/options';
import type { Language } from '../profile/schemas';
import type { Register } from './schemas';

const CREATIVE_ROLE =
  /(?<![\p{L}])(?:designer|design|ux|ui|graphiste|créati\p{L}*|creative|directeur artistique|directrice artistique|art director|illustrat\p{L}*|motion|rédacteur|rédactrice|copywriter|content|contenus?|brand|marque|photograph\p{L}*|vidéaste|game designer|sound designer)(?![\p{L}])/iu;

/** Recommends a tone with a one-sentence reason in the offer's language. */
export function recommendTone(
  register: Register,
  offerTitle: string,
  language: Language,
): { tone: Tone; reason: string } {
  const sector = register.sector.value;
  const informal = register.formality.value === 'informal';
  const fr = language === 'fr';
  if (sector === 'associative') {
    return {
      tone: 'associatif',
      reason: fr
        ? "Structure associative / ESS : mettez en avant l'engagement, le sens et les valeurs partagées, sans emphase commerciale."
        : 'Non-profit employer: lead with commitment, purpose and shared values rather than sales language.',
    };
  }
  if (sector === 'public') {
    return {
      tone: 'sobre',
      reason: fr
        ? 'Employeur public : un ton sobre et précis, le sens du service public et des faits vérifiables plutôt que des superlatifs.'
        : 'Public-sector employer: a plain, precise tone, public-service motivation and evidence against each criterion.',
    };
  }
  if (sector === 'startup') {
    return informal
      ? {
          tone: 'startup',
          reason: fr
            ? 'Start-up au ton décontracté : soyez direct, concret et chaleureux, phrases courtes, sans formules ampoulées.'
            : 'Casual start-up: be direct, concrete and warm, with short sentences and no stiff formulas.',
        }
      : {
          tone: 'dynamique',
          reason: fr
            ? 'Jeune entreprise au ton encore formel : énergie et résultats, en gardant le vouvoiement.'
            : 'Young company with a formal voice: show energy and results while staying professional.',
        };
  }
  if (CREATIVE_ROLE.test(offerTitle)) {
    return {
      tone: 'creatif',
      reason: fr
        ? 'Métier créatif : une accroche personnelle et une démarche montrée par des exemples, dans un cadre professionnel.'
        : 'Creative role: a personal hook and your process shown through examples, within a professional frame.',
    };
  }
  if (informal) {
    return {
      tone: 'dynamique',
      reason: fr
        ? 'Entreprise au ton direct : un style dynamique et concret, orienté résultats.'
        : 'Company with a direct voice: an energetic, concrete, results-oriented style.',
    };
  }
  return {
    tone: 'formel',
    reason: fr
      ? 'Entreprise établie au ton formel : vouvoiement, structure classique et formule de politesse complète.'
      : 'Established company with a formal voice: classic structure and conventional sign-off.',
  };
}
