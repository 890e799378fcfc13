/** The account e-mails, in the user's language. Links carry tokens in the fragment (#), never sent to servers. */
import type { MailMessage } from '../../ports/mailer';

type Lang = 'fr' | 'en';

export function verificationMail(to: string, lang: Lang, link: string): MailMessage {
  return lang === 'fr'
    ? {
        to,
        subject: 'Confirmez votre adresse e-mail — Phoenix Letters',
        text: `Bonjour,\n\nPour confirmer votre adresse e-mail, ouvrez ce lien (valable 48 heures) :\n${link}\n\nSi vous n'avez pas créé de compte Phoenix Letters, ignorez ce message.`,
      }
    : {
        to,
        subject: 'Confirm your e-mail address — Phoenix Letters',
        text: `Hello,\n\nTo confirm your e-mail address, open this link (valid for 48 hours):\n${link}\n\nIf you did not create a Phoenix Letters account, ignore this message.`,
      };
}

export function alreadyRegisteredMail(to: string, lang: Lang, resetLink: string): MailMessage {
  return lang === 'fr'
    ? {
        to,
        subject: 'Tentative d’inscription avec votre adresse — Phoenix Letters',
        text: `Bonjour,\n\nQuelqu'un (peut-être vous) a essayé de créer un compte avec cette adresse, qui en a déjà un.\nMot de passe oublié ? ${resetLink}\n\nSinon, ignorez ce message.`,
      }
    : {
        to,
        subject: 'Sign-up attempt with your address — Phoenix Letters',
        text: `Hello,\n\nSomeone (maybe you) tried to create an account with this address, which already has one.\nForgot your password? ${resetLink}\n\nOtherwise, ignore this message.`,
      };
}

export function resetMail(to: string, lang: Lang, link: string): MailMessage {
  return lang === 'fr'
    ? {
        to,
        subject: 'Réinitialisation de votre mot de passe — Phoenix Letters',
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
      }
    : {
        to,
        subject: 'Reset your password — Phoenix Letters',
        text: `Hello,\n\nTo choose a new password, open this link (valid for 1 hour, once):\n${link}\n\nIf you did not ask for this, ignore this message: your password is unchanged.`,
      };
}

export function changeEmailMail(to: string, lang: Lang, link: string): MailMessage {
  return lang === 'fr'
    ? {
        to,
        subject: 'Confirmez votre nouvelle adresse — Phoenix Letters',
        text: `Bonjour,\n\nPour utiliser cette adresse pour votre compte Phoenix Letters, ouvrez ce lien (valable 24 heures) :\n${link}`,
      }
    : {
        to,
        subject: 'Confirm your new address — Phoenix Letters',
        text: `Hello,\n\nTo use this address for your Phoenix Letters account, open this link (valid for 24 hours):\n${link}`,
      };
}
