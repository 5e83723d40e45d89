import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';

/** One e-mail as the test SMTP server took it. */
export interface ReceivedMail {
  /** The envelope's recipients. */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** Header values by lower-case name, unfolded, as sent. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A real SMTP server on a loopback port for tests (smtp-server and mailparser, loaded only when a
 * test opens one): it keeps what it takes, and can defer the next messages with a 451 as a busy
 * server does. No TLS and no authentication: it is reached on loopback only.
 */
export class SmtpMailbox {
  readonly received: ReceivedMail[] = [];
  private deferring = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async open(): Promise<SmtpMailbox> {
    const [{ SMTPServer: Server }, { simpleParser }] = await Promise.all([
      import('smtp-server'),
      import('mailparser'),
    ]);
    // The server needs its handler before the mailbox exists (the mailbox needs its port).
    const opened: { mailbox?: SmtpMailbox } = {};
    const server = new Server({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const box = opened.mailbox!;
          if (box.deferring > 0) {
            box.deferring -= 1;
            const deferred = Object.assign(new Error('Mailbox busy, try again later'), {
              responseCode: 451,
            });
            callback(deferred);
            return;
          }
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              const headers: Record<string, string> = {};
              for (const { key, line } of parsed.headerLines)
                headers[key] = line
                  .slice(line.indexOf(':') + 1)
                  .replace(/\r?\n[ \t]+/g, ' ')
                  .trim();
              box.received.push({
                to: session.envelope.rcptTo.map(({ address }) => address),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                headers,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    opened.mailbox = new SmtpMailbox(server, (server.server.address() as AddressInfo).port);
    return opened.mailbox;
  }

  /** The next `count` messages are deferred (451), as a busy or greylisting server does. */
  deferNext(count: number): void {
    this.deferring = count;
  }

  /** What was sent to one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
