import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticationError, verifyForwardedRequest } from '../auth';
import { sendProblem } from './problem';

/**
 * HTTP middleware for a subgraph: a request without a valid identity signed by the gateway gets an
 * RFC 9457 problem response (401) before it reaches GraphQL.
 */
export function refuseUnlessForwarded(secret: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    try {
      verifyForwardedRequest(request, secret);
      next();
    } catch (error) {
      const detail = error instanceof AuthenticationError ? error.message : 'Authentication failed';
      sendProblem(response, {
        status: 401,
        title: 'Unauthenticated',
        detail,
        code: 'UNAUTHENTICATED',
      });
    }
  };
}
