/**
 * French phrasebook of the offline writer. Rules kept by every sentence: vouvoiement, no stock
 * phrase from the coach's cliché list, no adjective or participle agreeing with the candidate
 * (the CV does not say the candidate's gender), and no fact: facts come only from the slot's item.
 */
import { capitalise as cap } from './grammar';
import type { Phrasebook } from './phrasebook';

/** The French phrasebook (six tones and the shared slots). */
export const FRENCH_PHRASES: Phrasebook = {
  tones: {
    formel: {
      opening: [
        (c) =>
          `Votre annonce pour le ${c.post} ${c.atCompany} rejoint exactement le projet professionnel que je mène aujourd'hui, et je vous soumets ma candidature avec conviction.`,
        (c) =>
          `Je vous adresse ma candidature au ${c.post} : rejoindre ${c.company} donnerait à ma reconversion le cadre exigeant que je recherche.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. Ce parcours ${c.ofFrom} n'est pas une parenthèse à refermer : c'est le socle sur lequel je construis mon nouveau métier.`,
        (c) =>
          `${cap(c.pastClause)}, et c'est précisément ce parcours ${c.ofFrom} qui fonde aujourd'hui ma candidature.`,
      ],
      bridgeWithSkill: [
        (c) =>
          `${cap(c.pastClause)}. Ce métier m'a appris ${c.learnedSkill}, une exigence que le ${c.post} requiert tout autant.`,
        (c) =>
          `${cap(c.pastClause)} : mon expérience ${c.ofFrom} m'a appris ${c.learnedSkill}, que je transpose aujourd'hui dans un nouveau cadre.`,
      ],
      proofIntro: [
        "j'ai notamment assuré les missions suivantes",
        'mon expérience en offre une illustration précise',
      ],
      reframe: [
        (c) =>
          `Ces réalisations ne relèvent pas du hasard : elles reposent sur des méthodes que je mobiliserai directement dans le ${c.post}.`,
        () => 'Chacune de ces expériences répond à une exigence concrète de votre annonce.',
      ],
      narrative: [
        () =>
          "Changer de métier n'efface pas les années d'expérience : cela les met au service d'un nouveau domaine, avec le recul d'un premier métier exercé pleinement.",
        () => 'Ma reconversion est un choix réfléchi, préparé étape par étape, et non une rupture.',
        () =>
          "J'y apporte un regard extérieur, utile pour comprendre les attentes de celles et ceux qui utiliseront mon travail.",
      ],
      together: [
        () =>
          'À vos côtés, je souhaite contribuer avec méthode aux missions du poste et progresser rapidement au contact de vos équipes.',
        () =>
          "Je mesure ce que ce poste exige et je souhaite y répondre avec sérieux, en m'appuyant sur vos équipes pour gagner vite en autonomie.",
      ],
      call: [
        () =>
          "Je souhaiterais pouvoir vous exposer plus en détail ma motivation lors d'un entretien, à la date qui vous conviendra.",
        () =>
          'Je me tiens à votre disposition pour un entretien au cours duquel je pourrai vous présenter plus précisément mon parcours et mon projet.',
      ],
    },
    dynamique: {
      opening: [
        (c) => `Le ${c.post} ${c.atCompany}, c'est exactement le défi que je veux relever aujourd'hui.`,
        (c) =>
          `Je candidate au ${c.post} avec un projet clair : rejoindre ${c.company} et y apporter tout ce que mon premier métier m'a appris.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. Ce parcours ${c.ofFrom} est ma meilleure carte : il m'a appris à agir vite et bien.`,
        (c) =>
          `${cap(c.pastClause)}, et j'en garde un atout décisif pour mon nouveau métier : l'habitude des résultats concrets.`,
      ],
      bridgeWithSkill: [
        (c) => `${cap(c.pastClause)}. J'en retire un atout direct pour vous : ${c.learnedSkill}.`,
        (c) =>
          `${cap(c.pastClause)}, un terrain qui m'a appris ${c.learnedSkill} mieux que n'importe quelle formation.`,
      ],
      proofIntro: ['un résultat parle de lui-même', "preuve à l'appui"],
      reframe: [
        () => 'Ces résultats, je veux maintenant les obtenir dans votre domaine.',
        () => 'Le contexte change, la méthode reste : observer, agir, mesurer.',
      ],
      narrative: [
        () =>
          "Ma reconversion n'est pas un saut dans le vide : c'est un élan construit, et je compte bien le transformer en résultats.",
        () =>
          "Changer de métier demande de l'audace ; je l'ai eue, et je compte la mettre au service de vos objectifs.",
        () =>
          "Mon premier métier m'a appris à tenir un rythme soutenu ; j'aborde le suivant avec la même exigence.",
      ],
      together: [
        () => 'Ensemble, nous pourrons faire avancer vos projets dès les premières semaines.',
        () => 'Je veux contribuer vite et concrètement aux missions du poste, aux côtés de vos équipes.',
      ],
      call: [
        () =>
          'Rencontrons-nous : un entretien me permettra de vous montrer ce que je peux apporter dès mon arrivée.',
        () =>
          "Un entretien serait l'occasion idéale d'en parler de vive voix ; je suis disponible dès que vous le souhaitez.",
      ],
    },
    sobre: {
      opening: [
        (c) => `Je vous propose ma candidature au ${c.post} ${c.atCompany}.`,
        (c) =>
          `Le ${c.post} ${c.atCompany} correspond au métier que je prépare : je vous soumets ma candidature.`,
      ],
      bridge: [
        (c) => `${cap(c.pastClause)}. Ce premier métier est la base de mon projet actuel.`,
        (c) => `${cap(c.pastClause)} ; mon expérience ${c.ofFrom} reste la base de mon projet.`,
      ],
      bridgeWithSkill: [
        (c) => `${cap(c.pastClause)}. J'y ai acquis ${c.learnedSkill}.`,
        (c) => `${cap(c.pastClause)} ; ce métier m'a appris ${c.learnedSkill}.`,
      ],
      proofIntro: ['par exemple', 'notamment'],
      reframe: [
        (c) => `Ces acquis s'appliquent directement au ${c.post}.`,
        () => 'Ce sont des compétences que le poste demande.',
      ],
      narrative: [
        () => 'Ma reconversion est préparée et réfléchie.',
        () => "J'aborde ce nouveau métier avec l'expérience d'un premier parcours complet.",
        () => 'Je travaille avec méthode et je rends compte de ce que je fais.',
      ],
      together: [
        () => 'Je souhaite contribuer aux missions du poste au sein de vos équipes.',
        () => "Mon objectif est d'être utile rapidement sur les missions décrites dans votre annonce.",
      ],
      call: [
        () => 'Je suis disponible pour un entretien.',
        () =>
          "Je vous remercie de l'attention portée à ma candidature et reste disponible pour un entretien.",
      ],
    },
    creatif: {
      opening: [
        (c) => `Il y a des annonces qu'on lit deux fois : celle du ${c.post} ${c.atCompany} en fait partie.`,
        (c) =>
          `${cap(c.ofFrom)} à ${c.role} : le chemin peut surprendre, et c'est pourtant lui qui m'amène aujourd'hui vers ${c.company}.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. On pourrait croire que tout cela m'éloigne du ${c.post} ; c'est au contraire ce qui m'y conduit.`,
        (c) => `${cap(c.pastClause)} : un premier chapitre qui éclaire le suivant.`,
      ],
      bridgeWithSkill: [
        (c) =>
          `${cap(c.pastClause)}. J'y ai appris ${c.learnedSkill} : un bagage que je transpose aujourd'hui dans votre domaine.`,
        (c) =>
          `${cap(c.pastClause)}. Ce premier chapitre m'a appris ${c.learnedSkill}, et c'est lui qui éclaire le suivant.`,
      ],
      proofIntro: ['une réalisation me ressemble', 'un souvenir concret en témoigne'],
      reframe: [
        () =>
          'Changer de décor ne change pas la manière de travailler : ces réflexes trouveront naturellement leur place dans votre équipe.',
        () =>
          'Ce qui se jouait hier dans mon premier métier se jouera demain dans le vôtre, avec les mêmes exigences.',
      ],
      narrative: [
        () =>
          "Une reconversion, c'est un pont : d'un côté ce que je sais faire, de l'autre ce que je veux construire.",
        () =>
          "Je vois dans ce changement une façon de regarder votre métier avec des yeux neufs, sans renoncer à l'expérience acquise.",
        () => "Mes deux parcours se répondent, et c'est à leur croisement que je peux être le plus utile.",
      ],
      together: [
        () =>
          "J'imagine déjà la suite : apprendre vite à vos côtés, proposer des idées et faire avancer les projets de l'équipe.",
        () =>
          'Ensemble, nous pourrions écrire la suite de cette histoire sur les missions que vous décrivez.',
      ],
      call: [
        () => "Et si nous en parlions lors d'un entretien ? Je serai au rendez-vous.",
        () => "Je vous propose d'en parler de vive voix lors d'un entretien.",
      ],
    },
    startup: {
      opening: [
        (c) => `Le ${c.post} ${c.atCompany} ? J'ai envie d'en être, et voici pourquoi.`,
        (c) =>
          `Je vous écris pour le ${c.post} : l'aventure ${c.ofCompany} correspond exactement à ce que je cherche.`,
      ],
      bridge: [
        (c) => `Mon parcours en bref : ${c.pastClause}.`,
        (c) =>
          `${cap(c.pastClause)}. Ce premier métier m'a donné de bons réflexes : aller au concret et ajuster en continu.`,
      ],
      bridgeWithSkill: [
        (c) => `Mon parcours en bref : ${c.pastClause}. Ce que j'en garde pour vous : ${c.learnedSkill}.`,
        (c) => `${cap(c.pastClause)}, et j'en garde ${c.learnedSkill}, un vrai plus dans une petite équipe.`,
      ],
      proofIntro: ['un exemple concret', "ce que j'y ai fait"],
      reframe: [
        () => 'Autre contexte, mêmes réflexes : comprendre le besoin, agir, mesurer.',
        () => 'Tout cela se transpose très bien dans votre équipe.',
      ],
      narrative: [
        () => "Je me reconvertis par choix, pas par défaut, et j'arrive avec de l'expérience à revendre.",
        () => "J'aime apprendre en faisant, et ce nouveau métier m'en donne l'occasion tous les jours.",
        () => 'Je préfère montrer que dire : mon parcours est fait de résultats concrets.',
      ],
      together: [
        () =>
          "Concrètement, je veux contribuer dès les premières semaines et apprendre au contact de l'équipe.",
        () =>
          'Je me vois bien avancer avec vous sur les sujets du quotidien, poser des questions et proposer.',
      ],
      call: [
        () => 'On en parle ? Je suis disponible pour un échange quand vous voulez.',
        () =>
          'Un échange serait le meilleur moyen de voir si le courant passe : je suis disponible quand vous le souhaitez.',
      ],
    },
    associatif: {
      opening: [
        (c) =>
          `Le ${c.post} ${c.atCompany} rejoint ce qui compte pour moi : un travail utile, au service des personnes.`,
        (c) =>
          `Je vous adresse ma candidature au ${c.post} parce que le projet ${c.ofCompany} donne du sens à ma reconversion.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. Ce parcours ${c.ofFrom} m'a appris que chaque personne compte, et c'est ce fil que je poursuis aujourd'hui.`,
        (c) =>
          `${cap(c.pastClause)} ; j'y ai construit l'essentiel de ce que j'apporte aujourd'hui à un projet collectif.`,
      ],
      bridgeWithSkill: [
        (c) =>
          `${cap(c.pastClause)}. Ce métier m'a appris ${c.learnedSkill}, une qualité essentielle pour accompagner et servir.`,
        (c) =>
          `${cap(c.pastClause)} ; j'en retiens ${c.learnedSkill}, que je souhaite désormais mettre au service de votre projet.`,
      ],
      proofIntro: ['une action qui a eu du sens', 'un engagement qui me tient à cœur'],
      reframe: [
        () =>
          'Ces expériences ont un point commun : elles mettent les personnes au centre, comme votre projet.',
        () => "Ce que j'ai appris dans mon premier métier garde tout son sens dans votre structure.",
      ],
      narrative: [
        () =>
          'Ma reconversion est aussi un choix de sens : mettre mon expérience là où elle est la plus utile.',
        () => 'Je crois à la force du collectif et au travail bien fait, discret et durable.',
        () =>
          "Changer de métier m'a appris l'humilité d'apprendre à nouveau, et j'y trouve une vraie richesse.",
      ],
      together: [
        () =>
          'À vos côtés, je souhaite contribuer à un accompagnement exigeant et bienveillant, au plus près des personnes.',
        () =>
          'Participer à vos actions, avec vos équipes et vos partenaires, donnerait tout son sens à ce nouveau métier.',
      ],
      call: [
        () =>
          'Je souhaiterais vous rencontrer pour échanger sur votre projet et sur la manière dont je peux y contribuer.',
        () =>
          "Un entretien nous permettrait d'en parler plus longuement ; je suis disponible à votre convenance.",
      ],
    },
  },
  shared: {
    whyCompany: [
      (c, item) => `Ce qui m'attire ${c.atCompany} : ${item}.`,
      (c, item) => `Si je vise ${c.company} en particulier, c'est pour une raison précise : ${item}.`,
    ],
    values: [
      (_, item) =>
        `Les valeurs que vous mettez en avant (${item}) sont aussi celles qui guident ma manière de travailler.`,
      (c, item) => `Je me retrouve dans les valeurs ${c.ofCompany} : ${item}.`,
    ],
    mission: [
      (_, item) => `Une mission de votre annonce retient particulièrement mon attention : « ${item} ».`,
      (_, item) => `Je me projette déjà dans cette mission : « ${item} ».`,
    ],
    skill: [
      (_, item, extra) =>
        `J'apporte aussi une compétence directement transférable, ${item}, comme en témoigne ce point de mon parcours : « ${extra} ».`,
      (_, item, extra) => `Autre compétence transférable, ${item} : « ${extra} ».`,
    ],
    keywords: [
      (_, item) => `Les outils et compétences que vous citez font déjà partie de ma pratique : ${item}.`,
      (_, item) => `Je mets déjà en œuvre plusieurs des compétences attendues : ${item}.`,
    ],
    training: [
      (_, item) => `Pour préparer ce changement, j'ai suivi une formation dédiée : ${item}.`,
      (_, item) => `Ma reconversion s'appuie sur une formation solide : ${item}.`,
    ],
    trainingCertification: [
      (_, item) => `J'ai également obtenu la certification suivante : ${item}.`,
      (_, item) => `Une certification vient compléter ce parcours : ${item}.`,
    ],
    trainingOngoing: [
      (_, item) => `Je poursuis actuellement une formation qui structure ce changement : ${item}.`,
      (_, item) => `Ce changement se prépare aussi en formation, actuellement en cours : ${item}.`,
    ],
    learning: [
      (_, item) => `En ce moment, j'approfondis encore : ${item}.`,
      (_, item) => `Je continue d'apprendre : ${item}.`,
    ],
    proud: [
      (_, item) => `Une réussite compte particulièrement pour moi : ${item}.`,
      (_, item) => `Le moment de mon parcours que je retiens : ${item}.`,
    ],
    quoteIntro: ['je retiens aussi ce résultat', 'mon parcours en garde une trace précise'],
  },
};
