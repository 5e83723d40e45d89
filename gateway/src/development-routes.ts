import express, { type NextFunction, type Request, type Response } from 'express';
import {
  AuthenticationError,
  DEMO_USERS,
  INTERNAL_PROBLEM,
  bodyErrorProblem,
  jsonBodyOptions,
  refuseIllFormedText,
  sendProblem,
  type DevelopmentIssuer,
} from '@ebp/platform';

function problem(response: Response, status: number, title: string, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * The development issuer's endpoints, mounted only in all-in-one development mode (and by the
 * development identity provider of `ebp start --distributed`): `GET /dev/users` lists the demo
 * users, `POST /dev/token {"user": "<name>"}` hands out a token. Every refusal, a malformed or
 * oversized body included, is a problem document wherever the router is mounted.
 */
export function developmentRoutes(issuer: DevelopmentIssuer): express.Router {
  const router = express.Router();
  router.get('/users', (_request: Request, response: Response) => {
    response.json(
      Object.entries(DEMO_USERS).map(([user, identity]) => ({
        user,
        name: identity.name,
        roles: identity.roles,
        clearances: identity.clearances,
      })),
    );
  });
  router.post(
    '/token',
    express.json(jsonBodyOptions('4kb')),
    refuseIllFormedText,
    (request: Request, response: Response) => {
      const user = (request.body as { user?: unknown } | undefined)?.user;
      if (typeof user !== 'string') {
        problem(response, 400, 'Bad request', 'Send {"user": "<name>"}; GET /dev/users lists them');
        return;
      }
      issuer.tokenFor(user).then(
        (token) =>
          response.json({
            user,
            token,
            tokenType: 'Bearer',
            expiresIn: issuer.tokenLifetimeSeconds,
          }),
        (error: unknown) => {
          if (error instanceof AuthenticationError)
            problem(response, 404, 'No such demo user', error.message);
          else problem(response, 500, 'Internal server error', 'The token could not be issued');
        },
      );
    },
  );
  router.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    sendProblem(response, bodyErrorProblem(error) ?? INTERNAL_PROBLEM);
  });
  return router;
}
