import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticationError, verifyForwardedIdentity } from '../auth';

/**
 * HTTP middleware for a subgraph: a request without a valid identity signed by the gateway gets an
 * RFC 9457 problem response (401) before it reaches GraphQL.
 */
export function refuseUnlessForwarded(secret: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    try {
      verifyForwardedIdentity(request.headers, secret);
      next();
    } catch (error) {
      const detail = error instanceof AuthenticationError ? error.message : 'Authentication failed';
      response.statusCode = 401;
      response.setHeader('content-type', 'application/problem+json');
      response.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Unauthenticated',
          status: 401,
          detail,
          code: 'UNAUTHENTICATED',
        }),
      );
    }
  };
}
