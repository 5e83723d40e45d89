import { isHttpUrl, type dissemination } from '@ebp/contracts';
import { atomEntry, entryId, type PublishedVersion } from '../feeds/atom';

/**
 * The item's own link if it is http or https (versions recorded before links had to be may hold
 * another, e.g. `javascript:`), else the item's page on the platform.
 */
const linkOf = (content: dissemination.LibraryContent, itemUrl: string): string =>
  isHttpUrl(content.url) ? content.url : itemUrl;

/** A body ready to post, with its media type. */
export interface FormattedItem {
  readonly contentType: string;
  readonly body: string;
}

/** schema.org ScholarlyArticle in JSON-LD, as the Research Map and the toolkit take it. */
export function scholarlyArticle(item: PublishedVersion, itemUrl: string): object {
  const { content } = item;
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': entryId(item),
    identifier: [
      item.itemId,
      ...(content.doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: content.doi }] : []),
    ],
    name: content.title,
    headline: content.title,
    abstract: content.summary,
    genre: content.kind,
    version: String(item.version),
    datePublished: item.publishedAt,
    temporalCoverage: String(content.year),
    keywords: [
      ...content.tags.crimeProblems,
      ...content.tags.interventions,
      ...content.tags.populations,
      ...content.tags.settings,
    ],
    ...(content.evidence.smsLevel
      ? {
          additionalProperty: [
            {
              '@type': 'PropertyValue',
              propertyID: 'Maryland Scientific Methods Scale',
              value: content.evidence.smsLevel,
            },
            ...(content.evidence.emmie
              ? [
                  {
                    '@type': 'PropertyValue',
                    propertyID: 'EMMIE effect evidence',
                    value: content.evidence.emmie.effect.evidence,
                  },
                ]
              : []),
          ],
        }
      : {}),
    url: linkOf(content, itemUrl),
    ...(content.doi ? { sameAs: `https://doi.org/${content.doi}` } : {}),
    publisher: { '@type': 'GovernmentOrganization', name: 'Metropolitan Police Service' },
  };
}

const CSV_COLUMNS = [
  'item_id',
  'version',
  'title',
  'summary',
  'kind',
  'year',
  'sms_level',
  'emmie_effect',
  'effect_direction',
  'crime_problems',
  'interventions',
  'doi',
  'url',
  'published_at',
] as const;

/** RFC 4180: quote every field, double the quotes inside. */
const csvField = (value: string | number | undefined) =>
  `"${String(value ?? '').replace(/"/g, '""')}"`;

/** CSV with a header row and one row per item version, as the National Police Library takes it. */
export function csvRows(
  items: readonly PublishedVersion[],
  itemUrl: (itemId: string) => string,
): string {
  const rows = items.map(({ itemId, version, content, publishedAt }) =>
    [
      itemId,
      version,
      content.title,
      content.summary,
      content.kind,
      content.year,
      content.evidence.smsLevel,
      content.evidence.emmie?.effect.evidence,
      content.evidence.effectDirection,
      content.tags.crimeProblems.join('; '),
      content.tags.interventions.join('; '),
      content.doi,
      linkOf(content, itemUrl(itemId)),
      publishedAt,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The body a national body's endpoint takes for one item version. */
export function formatFor(
  format: dissemination.DeliveryFormat,
  item: PublishedVersion,
  itemUrl: (itemId: string) => string,
): FormattedItem {
  switch (format) {
    case 'scholarly-article':
      return {
        contentType: 'application/ld+json',
        body: JSON.stringify(scholarlyArticle(item, itemUrl(item.itemId))),
      };
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', body: csvRows([item], itemUrl) };
    case 'atom':
      return { contentType: 'application/atom+xml; type=entry', body: atomEntry(item, itemUrl) };
  }
}
