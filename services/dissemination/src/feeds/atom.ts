import type { dissemination } from '@ebp/contracts';

/** One published version of a library item, as it leaves the service. */
export interface PublishedVersion {
  readonly itemId: string;
  readonly version: number;
  readonly content: dissemination.LibraryContent;
  readonly publishedAt: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';

/** Text safe inside XML elements and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // XML 1.0 forbids most control characters even when escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
  );
}

/** A stable id per item version: a new version is a new entry for a syndicating reader. */
export const entryId = (item: Pick<PublishedVersion, 'itemId' | 'version'>) =>
  `urn:ebp:library:${encodeURIComponent(item.itemId)}:v${item.version}`;

function entryBody(item: PublishedVersion, itemUrl: (itemId: string) => string): string {
  const { content } = item;
  const categories = [
    ...content.tags.crimeProblems.map((term) => ['crime-problem', term]),
    ...content.tags.interventions.map((term) => ['intervention', term]),
  ]
    .map(
      ([scheme, term]) => `<category scheme="urn:ebp:${scheme}" term="${escapeXml(term ?? '')}"/>`,
    )
    .join('');
  const related = content.doi
    ? `<link rel="related" href="${escapeXml(`https://doi.org/${content.doi}`)}"/>`
    : '';
  return (
    `<id>${escapeXml(entryId(item))}</id>` +
    `<title>${escapeXml(content.title)}</title>` +
    `<updated>${escapeXml(item.publishedAt)}</updated>` +
    `<published>${escapeXml(item.publishedAt)}</published>` +
    `<author><name>Metropolitan Police Service</name></author>` +
    `<link rel="alternate" href="${escapeXml(itemUrl(item.itemId))}"/>${related}` +
    `<summary>${escapeXml(content.summary)}</summary>${categories}`
  );
}

/** One Atom entry document (RFC 4287 §4.1.2), as Knowledge Hub takes it. */
export function atomEntry(item: PublishedVersion, itemUrl: (itemId: string) => string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<entry xmlns="${ATOM}">${entryBody(item, itemUrl)}</entry>\n`;
}

/** The library's feed of newly published items, newest first, for intranet syndication. */
export function atomFeed(options: {
  readonly feedUrl: string;
  readonly items: readonly PublishedVersion[];
  readonly itemUrl: (itemId: string) => string;
  readonly now: Date;
}): string {
  const updated = options.items[0]?.publishedAt ?? options.now.toISOString();
  const entries = options.items
    .map((item) => `<entry>${entryBody(item, options.itemUrl)}</entry>`)
    .join('\n');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="${ATOM}">` +
    `<id>urn:ebp:library</id><title>EBP Research and Learning Library: newly published</title>` +
    `<updated>${escapeXml(updated)}</updated>` +
    `<link rel="self" href="${escapeXml(options.feedUrl)}"/>\n${entries}\n</feed>\n`
  );
}
