import express, { type Request, type Response, type Router } from 'express';
import { sendProblem } from '@ebp/platform';
import { atomFeed, type PublishedVersion } from './atom';

export const LIBRARY_FEED_PATH = '/feeds/library.atom';

/**
 * The Atom feed of newly published OFFICIAL items, for intranet syndication: readable without a
 * token, so it never carries anything OFFICIAL-SENSITIVE, drafts, withdrawn items, or items any
 * member of staff may not read because of the projects they name.
 */
export function libraryFeed(options: {
  /** The newest published OFFICIAL versions any member of staff may read (the application decides). */
  readonly published: (limit: number) => Promise<PublishedVersion[]>;
  readonly itemUrl: (itemId: string) => string;
  readonly feedUrl: string;
  readonly now: () => Date;
}): Router {
  const router = express.Router();
  router.get(LIBRARY_FEED_PATH, async (_request: Request, response: Response) => {
    try {
      // No catch-up first: what syndicating readers get may lag by a poll, and a request anyone
      // can send must not queue work before the staff's own.
      const items = await options.published(50);
      response
        .status(200)
        .type('application/atom+xml; charset=utf-8')
        .send(
          atomFeed({
            feedUrl: options.feedUrl,
            items,
            itemUrl: options.itemUrl,
            now: options.now(),
          }),
        );
    } catch {
      sendProblem(response, {
        status: 503,
        title: 'Feed unavailable',
        detail: 'The library could not be read; try again shortly',
        code: 'FEED_UNAVAILABLE',
      });
    }
  });
  return router;
}
