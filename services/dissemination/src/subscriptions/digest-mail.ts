import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { dissemination } from '@ebp/contracts';
import { escapeXml } from '../feeds/atom';

/** Where the unsubscribe link points, at the platform's public origin (the gateway forwards it). */
export const UNSUBSCRIBE_PATH = '/public/digest/unsubscribe';

/** The SMTP server the digests are handed to, and who they are from (EBP_SMTP_*, EBP_DIGEST_FROM). */
export interface DigestMailSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  /**
   * Without `secure`: refuse to send unless the server upgrades with STARTTLS (the default in the
   * configuration; a loopback test server without TLS turns it off).
   */
  readonly requireTls: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
}

/**
 * The SMTP transport digests go through: TLS from the start, or STARTTLS required unless the
 * settings say otherwise; every wait bounded; nothing logged (addresses must never reach logs).
 */
export function digestTransport(mail: DigestMailSettings, timeoutMs: number): Transporter {
  return createTransport({
    host: mail.host,
    port: mail.port,
    secure: mail.secure,
    requireTLS: !mail.secure && mail.requireTls,
    ...(mail.user ? { auth: { user: mail.user, pass: mail.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  });
}

/** One item as a digest lists it. */
export interface DigestLine {
  readonly itemId: string;
  readonly content: Pick<dissemination.LibraryContent, 'title' | 'summary' | 'kind'>;
}

export interface DigestMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Record<string, string>;
  readonly messageId: string;
}

/** The unsubscribe link a digest carries. */
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;

/**
 * A digest e-mail: the items (title, kind, summary, link), the unsubscribe link in the text and
 * in `List-Unsubscribe` with RFC 8058 one-click POST. Its Message-ID is derived from the digest, so
 * a server that sees it twice can tell; nothing in the headers names the subscriber.
 */
export function digestMessage(options: {
  readonly digestId: string;
  readonly period: string;
  readonly lines: readonly DigestLine[];
  readonly publicUrl: string;
  readonly unsubscribeToken: string;
}): DigestMessage {
  const { lines, publicUrl } = options;
  const link = (itemId: string) => `${publicUrl}/library/${encodeURIComponent(itemId)}`;
  const unsubscribe = unsubscribeUrl(publicUrl, options.unsubscribeToken);
  const count = lines.length === 1 ? '1 new item' : `${lines.length} new items`;
  const subject = `EBP digest: ${count} in the Research and Learning Library`;
  const text = [
    `New in the Research and Learning Library for your subscription (${count}):`,
    '',
    ...lines.flatMap(({ itemId, content }) => [
      `* ${content.title} (${content.kind.replace(/_/g, ' ')})`,
      `  ${content.summary}`,
      `  ${link(itemId)}`,
      '',
    ]),
    `To stop these e-mails: ${unsubscribe}`,
  ].join('\n');
  const html =
    '<!doctype html><html lang="en-GB"><body>' +
    `<p>New in the Research and Learning Library for your subscription (${count}):</p><ul>` +
    lines
      .map(
        ({ itemId, content }) =>
          `<li><a href="${escapeXml(link(itemId))}">${escapeXml(content.title)}</a> ` +
          `(${escapeXml(content.kind.replace(/_/g, ' '))})<br>${escapeXml(content.summary)}</li>`,
      )
      .join('') +
    `</ul><p><a href="${escapeXml(unsubscribe)}">Stop these e-mails</a></p></body></html>`;
  const host = new URL(publicUrl).hostname || 'ebp-platform';
  return {
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-EBP-Digest-Period': options.period,
      'Auto-Submitted': 'auto-generated',
    },
    messageId: `<digest-${createHash('sha256').update(options.digestId).digest('hex').slice(0, 32)}@${host}>`,
  };
}
