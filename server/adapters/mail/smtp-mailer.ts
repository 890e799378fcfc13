/** SMTP mailer (nodemailer), used when SMTP_URL is set. */
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../../ports/mailer';

export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  let transport: Transporter | undefined;
  return {
    async send(message) {
      // Loaded on first mail, keeping start-up fast for installs without SMTP.
      transport ??= (await import('nodemailer')).default.createTransport(options.url);
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
