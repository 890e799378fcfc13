/**
 * Stock phrases recruiters skim past, with a concrete rewrite for each. Patterns are written
 * against the letter as typed (accents, apostrophes ' or ’, optional feminine endings).
 */
import type { Language } from '../profile/schemas';

/** A cliché: a pattern (whole words: the character before a match must not be a letter) and a rewrite. */
export interface ClicheRule {
  pattern: RegExp;
  rewrite: string;
}

const A = "['’]";
const fr = (source: string, rewrite: string): ClicheRule => ({
  // The left word boundary is checked by the caller: a leading lookbehind slows V8's scan down.
  pattern: new RegExp(`(?:${source})(?![\\p{L}])`, 'giu'),
  rewrite,
});
const en = fr;

/** French clichés (stock openings, empty adjectives, limp closings). */
export const FRENCH_CLICHES: ClicheRule[] = [
  fr(
    'je me permets de',
    "Supprimez la précaution : entrez dans le sujet, ex. « Infirmier pendant dix ans, je me forme à l'analyse de données et votre poste de… m'intéresse parce que… ».",
  ),
  fr(
    `suite à votre (?:annonce|offre)`,
    "Nommez le poste et ce qui vous attire : « Votre poste de [intitulé] chez [entreprise] m'intéresse parce que [raison précise]. »",
  ),
  fr(
    'dynamique et motivée?|motivée? et dynamique',
    "Montrez l'énergie par un fait : « En quatre mois de stage, j'ai [résultat chiffré]. »",
  ),
  fr(
    'force de proposition',
    "Citez une proposition que vous avez faite et son effet : « J'ai proposé [idée], adoptée par [équipe], qui a [résultat]. »",
  ),
  fr(
    `n${A}hésitez pas à`,
    "Proposez l'étape suivante : « Je serais heureux(se) de vous en dire plus lors d'un entretien. »",
  ),
  fr(
    `je suis quelqu${A}un de`,
    "Remplacez la qualité annoncée par une preuve : « J'ai [action] pendant [durée], ce qui a [résultat]. »",
  ),
  fr(
    'rigoureu(?:x|se) et organisée?|organisée? et rigoureu(?:x|se)',
    'Prouvez la rigueur : un protocole suivi, une erreur évitée, un contrôle que vous avez mis en place.',
  ),
  fr(
    `(?:doté|dotée) d${A}un (?:excellent|bon) relationnel|excellent relationnel|aisance relationnelle`,
    "Décrivez avec qui vous avez travaillé et ce que cela a permis : « J'ai coordonné [qui] pour [quoi]. »",
  ),
  fr(`(?:grand |bon )?esprit d${A}équipe`, 'Racontez une réussite collective et votre rôle précis dedans.'),
  fr(
    'je suis convaincue? que mon profil|mon profil correspond parfaitement|correspond parfaitement au profil',
    "Laissez les faits convaincre : mettez en regard deux exigences de l'offre et deux preuves de votre CV.",
  ),
  fr(
    `leader (?:dans|sur) son (?:domaine|marché|secteur)`,
    "Dites ce qui vous attire précisément : un produit, un projet, une valeur citée dans l'offre.",
  ),
  fr(
    `c${A}est avec (?:un (?:grand|vif|réel) )?(?:intérêt|enthousiasme|plaisir) que`,
    "Commencez par ce que vous apportez ou par ce qui vous relie à l'entreprise, pas par votre état d'esprit.",
  ),
  fr(
    '(?:veuillez |vous )?trouver ci-joint|vous trouverez ci-joint|mon cv ci-joint',
    "Inutile : le CV est joint. Terminez plutôt par la demande d'entretien.",
  ),
  fr(
    'comme vous pourrez le constater|comme vous pouvez le (?:voir|constater)',
    "Citez directement le fait : « Au CHU, j'ai [fait précis]. »",
  ),
  fr('polyvalente?', 'Donnez deux exemples de tâches différentes que vous avez menées de front.'),
  fr(
    '(?:toujours )?passionnée? par',
    'Montrez la passion par un acte : une formation suivie, un projet mené, un outil appris seul.',
  ),
  fr(
    'relever de nouveaux défis|véritable challenge|nouveaux challenges',
    "Nommez le défi du poste qui vous attire, tiré de l'offre.",
  ),
  fr(
    'zone de confort',
    'Dites ce que vous avez appris de nouveau et comment, plutôt que de quitter une « zone ».',
  ),
  fr('(?:véritable |réelle )?valeur ajoutée', 'Dites ce que vous ferez concrètement dans les premiers mois.'),
  fr(`apporter ma pierre à l${A}édifice`, 'Décrivez votre contribution précise à la mission.'),
  fr(
    `dans l${A}attente (?:de votre réponse|d${A}une réponse favorable|de vous lire)`,
    "Terminez par une proposition active : « Je serais heureux(se) d'en échanger lors d'un entretien. »",
  ),
  fr(
    'une entreprise (?:comme|telle que) la vôtre|intégrer votre (?:entreprise|société|structure)',
    "Nommez l'entreprise et ce qui la distingue (produit, public, valeurs).",
  ),
  fr(
    'mettre mes compétences (?:à votre service|au service de votre)',
    "Dites quelles compétences, et pour quel besoin de l'offre.",
  ),
  fr(
    `pour tout complément d${A}information|pour un éventuel entretien`,
    "Proposez l'entretien sans « éventuel » : « Je serais heureux(se) de vous rencontrer. »",
  ),
  fr(
    `(?:grande )?capacité d${A}adaptation|je m${A}adapte (?:très )?(?:vite|rapidement)`,
    'Racontez une situation nouvelle à laquelle vous vous êtes adapté(e) et en combien de temps.',
  ),
  fr(
    '(?:je suis )?(?:très )?travailleu(?:r|se)',
    'Remplacez par un fait : un volume traité, une échéance tenue.',
  ),
  fr(
    '(?:ma candidature )?retiendra (?:toute )?votre attention',
    "Supprimez : concluez sur ce que vous proposez d'apporter.",
  ),
  fr('environnement stimulant', "Dites ce qui, dans l'offre, vous donne envie (mission, public, outil)."),
  fr(`sens (?:aigu )?de l${A}écoute`, "Montrez l'écoute : une situation où elle a changé une décision."),
];

/** English clichés. */
export const ENGLISH_CLICHES: ClicheRule[] = [
  en(
    'I am writing to (?:apply|express my interest)',
    'Open with what connects you to the role: "Ten years on acute wards taught me what a missed detail costs; that is why I test software."',
  ),
  en('team player', 'Describe one team result and your exact part in it.'),
  en(
    'as you can see (?:from|in|on) my (?:cv|resume|résumé)',
    'State the fact directly: "At Brightwell I wrote 150 test cases…".',
  ),
  en('hard[- ]?working', 'Replace with a fact: a volume handled, a deadline met.'),
  en('think(?:ing)? outside the box', 'Give one unusual solution you found and what it changed.'),
  en(
    '(?:perfect|ideal) (?:candidate|fit)',
    'Let the evidence argue: match two requirements of the advert with two proofs.',
  ),
  en('detail[- ]oriented|attention to detail', 'Show it: an error you caught, a check you introduced.'),
  en('results[- ](?:driven|oriented)', 'Name a result, with a number.'),
  en('go-getter|self-starter', 'Describe something you started on your own initiative and its outcome.'),
  en('excellent communication skills', 'Say who you communicated with, about what, and what it achieved.'),
  en(
    'passionate about',
    'Show the passion through something you did: a course, a project, a tool you taught yourself.',
  ),
  en('dynamic (?:individual|professional|person)', 'Replace with an achievement that shows the energy.'),
  en('proven track record', 'Give the record: what, how much, by when.'),
  en(
    '(?:work|works|working) well under pressure|thrive under pressure',
    'Describe one high-pressure situation and what you did.',
  ),
  en('(?:fast|quick) learner', 'Say what you learned, how fast, and how you used it.'),
  en(
    'please find (?:attached|enclosed)|enclosed (?:is|please find)',
    'Drop it: the CV is attached. End with a request for an interview.',
  ),
  en(
    'to whom it may concern',
    'Address a person or "Dear Hiring Manager," and close with "Yours sincerely,".',
  ),
  en(
    "(?:do not|don['’]t) hesitate to contact me",
    'Propose the next step: "I would welcome the chance to discuss this at interview."',
  ),
  en('synerg(?:y|ies)', 'Say concretely what you will do together and for whom.'),
  en('(?:go|going|went) above and beyond', 'Describe what you actually did beyond the brief.'),
  en(
    'highly motivated|motivated individual',
    'Show motivation by an action: what you did to prepare for this role.',
  ),
  en('wear(?:ing)? many hats', 'List two different responsibilities you held at once.'),
  en('(?:take|taking) (?:it|things) to the next level', 'Say what you would improve and how.'),
  en(
    'hit the ground running',
    'Say what you can do in your first month, based on what you have already done.',
  ),
  en('people person', 'Describe the people you worked with and what you achieved with them.'),
  en('strong work ethic', 'Replace with a fact: a commitment you kept under difficult conditions.'),
  en(
    'thank you for your time and consideration',
    'End on what you offer: "I would welcome the chance to discuss how I could help."',
  ),
  en(
    'I believe I (?:would be|am) a (?:great|good|strong) (?:fit|asset|addition)',
    'Show the fit with evidence instead of asserting it.',
  ),
  en('leverag(?:e|ing) my skills', 'Name the skill and the task of the role it serves.'),
];

/** The cliché list of a language. */
export function clichesFor(language: Language): ClicheRule[] {
  return language === 'fr' ? FRENCH_CLICHES : ENGLISH_CLICHES;
}
