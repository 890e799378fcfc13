/** Outgoing e-mail. The default adapter writes to the log and DATA_DIR/outbox; SMTP when configured. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
