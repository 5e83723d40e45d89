import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { isHttpUrl, type dissemination } from '@ebp/contracts';
import { sendProblem } from '@ebp/platform';
import { escapeXml, type PublishedVersion } from './atom';

/** The public page of published findings, and the same as schema.org JSON-LD. */
export const PUBLIC_LIBRARY_PATH = '/public/library';
export const PUBLIC_LIBRARY_JSON_PATH = '/public/library.json';

const DEFAULT_LIMIT = 50;
/** The page runs nothing, loads nothing, is framed by nobody and posts nowhere. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const MAX_LIMIT = 100;
const PUBLISHER = { '@type': 'GovernmentOrganization', name: 'Metropolitan Police Service' };

/** The schema.org type of each kind of item. */
const SCHEMA_TYPE: Record<dissemination.LibraryItemKind, string> = {
  research_report: 'Report',
  evidence_summary: 'Article',
  toolkit: 'CreativeWork',
  master_class_materials: 'LearningResource',
  what_works_briefing: 'Article',
  partner_outcome: 'ScholarlyArticle',
};

const KIND_LABEL: Record<dissemination.LibraryItemKind, string> = {
  research_report: 'Research report',
  evidence_summary: 'Evidence summary',
  toolkit: 'Toolkit',
  master_class_materials: 'Master class materials',
  what_works_briefing: "'What Works' briefing",
  partner_outcome: 'Partner outcome',
};

/**
 * An item's anchor on the public page: stable, and without the item's id, which the page has no
 * need to show (the Atom feed, at the same origin, does carry ids: the anchor hides nothing it
 * shows).
 */
export const publicAnchor = (itemId: string): string =>
  `item-${createHash('sha256').update(itemId).digest('hex').slice(0, 16)}`;

/**
 * One published version as the public sees it: what the finding is and how strong the evidence
 * is, never the register projects it names, its need-to-know list, its id or its body (written
 * for colleagues), whatever the version holds.
 */
function publicItem(item: PublishedVersion, pageUrl: string) {
  const { content } = item;
  const { evidence, tags } = content;
  const keywords = [
    ...tags.crimeProblems,
    ...tags.interventions,
    ...tags.populations,
    ...tags.settings,
    ...tags.methods,
    ...tags.topics,
  ];
  const sameAs = [
    ...(content.doi ? [`https://doi.org/${content.doi}`] : []),
    // A link recorded before links had to be http or https may hold another: left out.
    ...(isHttpUrl(content.url) ? [content.url] : []),
  ];
  return {
    '@type': SCHEMA_TYPE[content.kind],
    '@id': `${pageUrl}#${publicAnchor(item.itemId)}`,
    name: content.title,
    abstract: content.summary,
    datePublished: item.publishedAt,
    ...(content.year ? { copyrightYear: content.year } : {}),
    publisher: PUBLISHER,
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(evidence?.smsLevel
      ? {
          additionalProperty: [
            {
              '@type': 'PropertyValue',
              name: 'Maryland Scientific Methods Scale',
              value: evidence.smsLevel,
              maxValue: 5,
            },
            ...(evidence.effectDirection
              ? [
                  {
                    '@type': 'PropertyValue',
                    name: 'Direction of effect',
                    value: evidence.effectDirection,
                  },
                ]
              : []),
          ],
        }
      : {}),
  };
}

/** The published versions as a schema.org `ItemList` (JSON-LD). */
export function publicLibraryJsonLd(
  items: readonly PublishedVersion[],
  options: { readonly pageUrl: string },
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    '@id': options.pageUrl,
    name: 'Metropolitan Police Service: published research and evidence',
    numberOfItems: items.length,
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: publicItem(item, options.pageUrl),
    })),
  };
}

/** JSON that is safe inside a `<script>` element: nothing in it can close the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function itemSection(item: PublishedVersion): string {
  const { content } = item;
  const evidence = content.evidence?.smsLevel
    ? `<p>Evidence: Maryland Scientific Methods Scale level ${content.evidence.smsLevel} of 5${
        content.evidence.effectDirection
          ? `; direction of effect ${escapeXml(content.evidence.effectDirection)}`
          : ''
      }.</p>`
    : '';
  const link = content.doi
    ? `<p><a href="${escapeXml(`https://doi.org/${content.doi}`)}">doi:${escapeXml(content.doi)}</a></p>`
    : isHttpUrl(content.url)
      ? `<p><a href="${escapeXml(content.url)}">${escapeXml(content.url)}</a></p>`
      : '';
  return (
    `<article id="${publicAnchor(item.itemId)}"><h2>${escapeXml(content.title)}</h2>` +
    `<p class="meta">${escapeXml(KIND_LABEL[content.kind])}, published ${escapeXml(item.publishedAt.slice(0, 10))}</p>` +
    `<p>${escapeXml(content.summary)}</p>${evidence}${link}</article>`
  );
}

/** The public page: readable without a token or script; the JSON-LD is in the page as well. */
export function publicLibraryPage(
  items: readonly PublishedVersion[],
  options: { readonly pageUrl: string },
): string {
  const listed =
    items.length === 0
      ? '<p>Nothing has been published yet.</p>'
      : items.map((item) => itemSection(item)).join('');
  return (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Published research and evidence | Metropolitan Police Service</title>' +
    '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}' +
    'article{border-top:1px solid #767676;padding:0.5rem 0}.meta{color:#505050}</style>' +
    `<script type="application/ld+json">${scriptSafeJson(publicLibraryJsonLd(items, options))}</script>` +
    '</head><body><main><h1>Published research and evidence</h1>' +
    '<p>Findings of research by and with the Metropolitan Police Service, published for everyone.</p>' +
    `${listed}</main></body></html>\n`
  );
}

/** `?limit=`: how many of the newest published items, 1 to 100; undefined when it is not that. */
function limitOf(request: Request): number | undefined {
  const raw = request.query.limit;
  if (raw === undefined) return DEFAULT_LIMIT;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,2}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit <= MAX_LIMIT ? limit : undefined;
}

/**
 * The public page and its JSON-LD, for the force's internet site: served without a token, so
 * only published OFFICIAL versions that any member of staff may read (the application decides),
 * and of each only what the public may read.
 */
export function publicLibrary(options: {
  /** The newest published OFFICIAL versions any member of staff may read whole. */
  readonly published: (limit: number) => Promise<PublishedVersion[]>;
  /** The page at the platform's public origin. */
  readonly pageUrl: string;
}): Router {
  const router = express.Router();
  const respond =
    (send: (response: Response, items: PublishedVersion[]) => void) =>
    async (request: Request, response: Response) => {
      const limit = limitOf(request);
      if (limit === undefined) {
        sendProblem(response, {
          status: 400,
          title: 'Invalid limit',
          detail: `limit must be a whole number from 1 to ${MAX_LIMIT}`,
          code: 'INVALID_LIMIT',
        });
        return;
      }
      let items: PublishedVersion[];
      try {
        // No catch-up first: what the public reads may lag by a poll, and a request anyone can
        // send must not queue work before the staff's own.
        items = await options.published(limit);
      } catch {
        sendProblem(response, {
          status: 503,
          title: 'Library unavailable',
          detail: 'The library could not be read; try again shortly',
          code: 'LIBRARY_UNAVAILABLE',
        });
        return;
      }
      response.setHeader('cache-control', 'public, max-age=60, must-revalidate');
      response.setHeader('x-content-type-options', 'nosniff');
      send(response, items);
    };
  const pages = { pageUrl: options.pageUrl };
  router.get(
    PUBLIC_LIBRARY_PATH,
    respond((response, items) => {
      response.setHeader('content-security-policy', PAGE_POLICY);
      response.status(200).type('text/html; charset=utf-8').send(publicLibraryPage(items, pages));
    }),
  );
  router.get(
    PUBLIC_LIBRARY_JSON_PATH,
    respond((response, items) => {
      response
        .status(200)
        .type('application/ld+json; charset=utf-8')
        .send(JSON.stringify(publicLibraryJsonLd(items, pages)));
    }),
  );
  return router;
}
