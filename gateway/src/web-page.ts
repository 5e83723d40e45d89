import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Whether a path names a source map, as the static files would decode it (`.m%61p` too). */
function isSourceMap(path: string): boolean {
  try {
    return /\.map$/i.test(decodeURIComponent(path));
  } catch {
    return false; // not a path the static files serve either
  }
}

/**
 * The intranet page's built files (web/dist), and index.html for any other GET that asks for a
 * page, so that its own routes (/register/…) load on a refresh. The page loads nothing but its
 * own files and talks only to this origin; the policy says so.
 */
export function webPage(root: string): express.Router {
  const index = join(root, 'index.html');
  if (!existsSync(index))
    throw new Error(`No built web page in ${root}: run npm run build -w @ebp/web`);
  const router = express.Router();
  router.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'same-origin');
    next();
  });
  // Source maps are never served, in any mode: the build makes none, and one left in the folder
  // (a build with maps turned on for debugging) stays private. A 404 like any missing file.
  router.use((request: Request, _response: Response, next: NextFunction) => {
    if (isSourceMap(request.path)) next('router');
    else next();
  });
  router.use(express.static(root, { index: false, maxAge: '1h' }));
  router.get(/.*/, (request: Request, response: Response, next: NextFunction) => {
    // Navigations ask for text/html by name; a missing script or image (*/*) stays a 404.
    if (!(request.get('accept') ?? '').includes('text/html')) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}
