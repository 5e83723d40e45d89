// The digest transport against a real SMTP server on a loopback port that offers no STARTTLS:
// with TLS required (the configuration's default) nothing is handed over in clear.
import { SmtpMailbox } from '../testing/smtp-mailbox';
import { digestTransport, type DigestMailSettings } from './digest-mail';

describe('the digest transport', () => {
  let mailbox: SmtpMailbox;
  beforeAll(async () => {
    mailbox = await SmtpMailbox.open();
  });
  afterAll(() => mailbox.close());

  const settings = (requireTls: boolean): DigestMailSettings => ({
    host: '127.0.0.1',
    port: mailbox.port,
    secure: false,
    requireTls,
    from: 'EBP Platform <ebp-digest@met.example>',
  });
  const message = (to: string) => ({
    from: 'EBP Platform <ebp-digest@met.example>',
    to,
    subject: 'EBP digest',
    text: 'One new item.',
  });

  it('refuses to send over a connection the server will not upgrade with STARTTLS', async () => {
    const transport = digestTransport(settings(true), 5_000);
    await expect(transport.sendMail(message('tls@met.example'))).rejects.toThrow(/STARTTLS/i);
    expect(mailbox.to('tls@met.example')).toEqual([]);
    transport.close();
  });

  it('sends in clear only where the settings allow it (a server on the same host)', async () => {
    const transport = digestTransport(settings(false), 5_000);
    await transport.sendMail(message('plain@met.example'));
    expect(mailbox.to('plain@met.example')).toHaveLength(1);
    transport.close();
  });
});
