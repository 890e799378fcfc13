/**
 * English (UK) phrasebook of the offline writer. Same rules as the French one: no stock phrase
 * from the coach's cliché list and no fact except the slot's item.
 */
import { capitalise as cap } from './grammar';
import type { Phrasebook } from './phrasebook';

/** The English phrasebook (six tones and the shared slots). */
export const ENGLISH_PHRASES: Phrasebook = {
  tones: {
    formel: {
      opening: [
        (c) =>
          `I would like to apply for the ${c.role} role ${c.atCompany}, which matches the professional project I have been building with care.`,
        (c) =>
          `Your advertisement for the ${c.role} position ${c.atCompany} describes precisely the work I have been preparing for, and I am pleased to submit my application.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. That career as ${c.ofFrom} is not something I am leaving behind: it is the foundation of the next one.`,
        (c) => `${cap(c.pastClause)}, and that experience is the very reason I am applying today.`,
      ],
      bridgeWithSkill: [
        (c) =>
          `${cap(c.pastClause)}. That work taught me ${c.learnedSkill}, which the role demands just as much.`,
        (c) => `${cap(c.pastClause)}; it taught me ${c.learnedSkill}, which I now bring to a new field.`,
      ],
      proofIntro: ['one example illustrates this', 'my record there includes the following'],
      reframe: [
        (c) => `These achievements rest on methods I will apply directly in the ${c.role} role.`,
        () => 'Each of them answers a specific requirement of your advertisement.',
      ],
      narrative: [
        () =>
          'Changing career does not erase experience; it puts it to work in a new field, with the perspective of a first profession fully practised.',
        () => 'My move into this field is a considered decision, prepared step by step.',
        () => 'I bring an outside perspective that helps me understand the people who will rely on my work.',
      ],
      together: [
        () =>
          'With your team, I intend to contribute methodically to the work of the role and to become fully autonomous quickly.',
        () =>
          'I understand what the role requires and would build on the support of your team to deliver it.',
      ],
      call: [
        () => 'I would welcome the opportunity to discuss my application with you at interview.',
        () =>
          'I would be glad to explain my background and plans in more detail at an interview at your convenience.',
      ],
    },
    dynamique: {
      opening: [
        (c) => `The ${c.role} role ${c.atCompany} is exactly the challenge I am looking for.`,
        (c) =>
          `I am applying for the ${c.role} role with a clear plan: join ${c.company} and bring everything my first career taught me.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. That career is my strongest card: it taught me to act fast and get results.`,
        (c) =>
          `${cap(c.pastClause)}, and I bring from it a decisive habit for my new job: delivering concrete results.`,
      ],
      bridgeWithSkill: [
        (c) => `${cap(c.pastClause)}. What I gained there is a direct asset for you: ${c.learnedSkill}.`,
        (c) => `${cap(c.pastClause)}, work that taught me ${c.learnedSkill} better than any course could.`,
      ],
      proofIntro: ['the results speak for themselves', 'here is the proof'],
      reframe: [
        () => 'Now I want to achieve the same results in your field.',
        () => 'The setting changes; the method stays: observe, act, measure.',
      ],
      narrative: [
        () =>
          'My career change is not a leap into the unknown: it is momentum I have built and intend to turn into results.',
        () => 'Changing career takes nerve; I found it, and I intend to put it to work for your goals.',
        () =>
          'My first job taught me to keep up a demanding pace, and I approach the next one with the same drive.',
      ],
      together: [
        () => 'Together, we can move your projects forward from the very first weeks.',
        () => 'I want to contribute quickly and concretely to the work of the role, alongside your team.',
      ],
      call: [
        () => "Let's meet: an interview would let me show you what I can bring from day one.",
        () =>
          'An interview would be the ideal chance to talk this through; I am available whenever suits you.',
      ],
    },
    sobre: {
      opening: [
        (c) => `I am applying for the ${c.role} role ${c.atCompany}.`,
        (c) =>
          `The ${c.role} role ${c.atCompany} matches the work I am preparing for, and I submit my application.`,
      ],
      bridge: [
        (c) => `${cap(c.pastClause)}. That first career is the basis of my plan.`,
        (c) => `${cap(c.pastClause)}; my experience as ${c.ofFrom} remains the basis of my plan.`,
      ],
      bridgeWithSkill: [
        (c) => `${cap(c.pastClause)}. There I acquired ${c.learnedSkill}.`,
        (c) => `${cap(c.pastClause)}; the job taught me ${c.learnedSkill}.`,
      ],
      proofIntro: ['for example', 'in particular'],
      reframe: [
        (c) => `These skills apply directly to the ${c.role} role.`,
        () => 'They are skills the role requires.',
      ],
      narrative: [
        () => 'My career change is prepared and considered.',
        () => 'I approach this new job with the experience of a complete first career.',
        () => 'I work methodically and report clearly on what I do.',
      ],
      together: [
        () => 'I wish to contribute to the work of the role within your team.',
        () => 'My aim is to be useful quickly on the tasks described in your advertisement.',
      ],
      call: [
        () => 'I am available for an interview.',
        () => 'Thank you for considering my application; I am available for an interview.',
      ],
    },
    creatif: {
      opening: [
        (c) => `Some adverts you read twice: the ${c.role} role ${c.atCompany} is one of them.`,
        (c) =>
          `From ${c.from} to ${c.role}: the path may look surprising, yet it is exactly what leads me to ${c.company} today.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. You might think this takes me away from the ${c.role} role; in fact it is what leads me to it.`,
        (c) => `${cap(c.pastClause)}: a first chapter that explains the next.`,
      ],
      bridgeWithSkill: [
        (c) => `${cap(c.pastClause)}. There I learnt ${c.learnedSkill}, luggage I now carry into your field.`,
        (c) =>
          `${cap(c.pastClause)}. That first chapter taught me ${c.learnedSkill}, and it shapes the next.`,
      ],
      proofIntro: ['one achievement sums me up', 'a concrete memory shows it'],
      reframe: [
        () => 'A new setting does not change how I work: these reflexes will find their place in your team.',
        () => 'What mattered in my first career will matter in yours, with the same standards.',
      ],
      narrative: [
        () =>
          'A career change is a bridge: on one side what I know how to do, on the other what I want to build.',
        () =>
          'I see this change as a way to look at your field with fresh eyes, without giving up what experience taught me.',
        () => 'My two careers answer each other, and I am most useful where they meet.',
      ],
      together: [
        () =>
          "I can already picture what comes next: learning fast alongside you, proposing ideas and moving the team's projects forward.",
        () => 'Together, we could write the next chapter on the work you describe.',
      ],
      call: [
        () => 'Shall we talk about it at an interview? I will be there.',
        () => 'I would love to discuss this with you in person at an interview.',
      ],
    },
    startup: {
      opening: [
        (c) => `The ${c.role} role ${c.atCompany}? I want in, and here is why.`,
        (c) =>
          `I'm writing about the ${c.role} role: what you are building ${c.atCompany} is exactly what I am looking for.`,
      ],
      bridge: [
        (c) => `My story in short: ${c.pastClause}.`,
        (c) =>
          `${cap(c.pastClause)}. That first job gave me good reflexes: get concrete, then keep adjusting.`,
      ],
      bridgeWithSkill: [
        (c) => `My story in short: ${c.pastClause}. What I keep from it for you: ${c.learnedSkill}.`,
        (c) => `${cap(c.pastClause)}, and I bring from it ${c.learnedSkill}, a real plus in a small team.`,
      ],
      proofIntro: ['a concrete example', 'what I actually did there'],
      reframe: [
        () => 'Different context, same reflexes: understand the need, act, measure.',
        () => 'All of that carries over really well to your team.',
      ],
      narrative: [
        () => 'I am changing career by choice, not by default, and I arrive with plenty of experience.',
        () => 'I like learning by doing, and this new job gives me the chance every day.',
        () => 'I would rather show than tell: my background is made of concrete results.',
      ],
      together: [
        () => 'Concretely, I want to contribute from the first weeks and learn from the team.',
        () =>
          'I can see myself working with you on day-to-day problems, asking questions and proposing ideas.',
      ],
      call: [
        () => "Shall we talk? I'm available for a chat whenever suits you.",
        () => "A conversation would be the best way to see if it clicks: I'm available whenever you like.",
      ],
    },
    associatif: {
      opening: [
        (c) =>
          `The ${c.role} role ${c.atCompany} matches what matters to me: useful work, in the service of people.`,
        (c) =>
          `I am applying for the ${c.role} role because the mission of ${c.company} gives real meaning to my career change.`,
      ],
      bridge: [
        (c) =>
          `${cap(c.pastClause)}. That career as ${c.ofFrom} taught me that every person counts, and that is the thread I follow today.`,
        (c) => `${cap(c.pastClause)}; there I built most of what I now bring to a shared project.`,
      ],
      bridgeWithSkill: [
        (c) =>
          `${cap(c.pastClause)}. The job taught me ${c.learnedSkill}, essential when you support and serve people.`,
        (c) =>
          `${cap(c.pastClause)}; I keep from it ${c.learnedSkill}, which I now want to put at the service of your mission.`,
      ],
      proofIntro: ['an action that made a difference', 'a commitment close to my heart'],
      reframe: [
        () => 'These experiences share one thing: they put people first, as your mission does.',
        () => 'What I learnt in my first career keeps its full meaning in your organisation.',
      ],
      narrative: [
        () => 'My career change is also a choice of meaning: putting my experience where it is most useful.',
        () => 'I believe in collective work and in work done well, quietly and durably.',
        () => 'Changing career has taught me the humility of learning again, and I find real richness in it.',
      ],
      together: [
        () =>
          'Alongside you, I want to contribute to demanding and caring support, as close as possible to the people you serve.',
        () =>
          'Taking part in your work, with your teams and partners, would give this new career its full meaning.',
      ],
      call: [
        () => 'I would like to meet you to discuss your work and how I can contribute to it.',
        () => 'An interview would let us talk about it at more length; I am available at your convenience.',
      ],
    },
  },
  shared: {
    whyCompany: [
      (c, item) => `What draws me to ${c.company}: ${item}.`,
      (c, item) => `If I am aiming at ${c.company} in particular, there is a precise reason: ${item}.`,
    ],
    values: [
      (_, item) => `The values you put forward (${item}) are also the ones that guide how I work.`,
      (c, item) => `I recognise myself in the values of ${c.company}: ${item}.`,
    ],
    mission: [
      (_, item) => `One task in your advertisement particularly speaks to me: “${item}”.`,
      (_, item) => `I can already see myself on this part of the job: “${item}”.`,
    ],
    skill: [
      (_, item, extra) =>
        `I also bring a directly transferable skill, ${item}, as this part of my record shows: “${extra}”.`,
      (_, item, extra) => `Another transferable skill is ${item}: “${extra}”.`,
    ],
    keywords: [
      (_, item) => `The tools and skills you list are already part of my practice: ${item}.`,
      (_, item) => `I already use several of the skills you ask for: ${item}.`,
    ],
    training: [
      (_, item) => `To prepare this change, I completed dedicated training: ${item}.`,
      (_, item) => `My career change rests on solid training: ${item}.`,
    ],
    trainingCertification: [
      (_, item) => `I also hold the following certification: ${item}.`,
      (_, item) => `A certification completes this preparation: ${item}.`,
    ],
    trainingOngoing: [
      (_, item) => `I am currently completing training that structures this change: ${item}.`,
      (_, item) => `This change is also being prepared in training, currently under way: ${item}.`,
    ],
    learning: [
      (_, item) => `Right now I am going further: ${item}.`,
      (_, item) => `I keep learning: ${item}.`,
    ],
    proud: [
      (_, item) => `One achievement matters to me in particular: ${item}.`,
      (_, item) => `The moment of my career I would single out: ${item}.`,
    ],
    quoteIntro: ['I would also mention this result', 'my record shows it precisely'],
  },
};
