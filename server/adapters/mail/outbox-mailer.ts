/**
 * Default mailer: writes each message as a .eml file in DATA_DIR/outbox (so a newcomer can open the
 * link) and logs one line without the body (bodies hold tokens, which never go to the log).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer } from '../../ports/mailer';

export function createOutboxMailer(options: {
  directory: string;
  from: string;
  log: (message: string) => void;
}): Mailer {
  let counter = 0;
  return {
    async send(message) {
      await mkdir(options.directory, { recursive: true });
      counter += 1;
      const file = join(options.directory, `${Date.now()}-${process.pid}-${counter}.eml`);
      const eml = [
        `From: ${options.from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.text,
        '',
      ].join('\r\n');
      await writeFile(file, eml, { mode: 0o600 });
      options.log(`mail "${message.subject}" written to ${file}`);
    },
  };
}
