// A real SMTP server for tests (smtp-server), on 127.0.0.1 at a random port, that keeps every
// message it receives, parsed by mailparser. It can be stopped and started again on the same
// port, to show a mail server that is down.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export type ReceivedMail = { to: string; subject: string; text: string };

export type TestSmtp = {
  port: number;
  url: string;
  received: ReceivedMail[];
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const s = new SMTPServer({
        authOptional: true,
        // The tests' server has no certificate a client would trust; production offers STARTTLS.
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
              received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
              callback();
            })
            .catch(callback);
        },
      });
      s.on('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.server.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    start,
    stop,
  };
}
