import { isUtf8 } from 'node:buffer';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { sendProblem, type Problem } from './problem';
import { ILL_FORMED_TEXT_MESSAGE, illFormedTextPath } from './well-formed-text';

type Next = (error?: unknown) => void;

/** The gateway's limit on a GraphQL request body (an operation and its variables). */
export const GRAPHQL_BODY_LIMIT = '1mb';
/**
 * A subgraph's limit: the gateway's fetches carry entity representations and the client's
 * variables, so they can be somewhat larger than the request that caused them.
 */
export const SUBGRAPH_BODY_LIMIT = '4mb';

/** The error `verify` raises for a body that is not UTF-8; body-parser keeps its status and type. */
class InvalidBodyEncoding extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'encoding.invalid';
}

/**
 * Options for Express's `json` parser (`express.json(jsonBodyOptions(limit))`, or Nest's
 * `useBodyParser('json', …)`): the size limit, and a body in UTF-8 (the JSON default) must be
 * valid UTF-8 rather than be read with replacement characters.
 */
export function jsonBodyOptions(limit: string | number) {
  return {
    limit,
    verify(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string) {
      if (/^utf-?8$/i.test(encoding) && !isUtf8(body))
        throw new InvalidBodyEncoding('The body is not valid UTF-8');
    },
  };
}

interface BodyError {
  readonly status?: unknown;
  readonly expose?: unknown;
  readonly type?: unknown;
  readonly limit?: unknown;
  readonly code?: unknown;
}

/**
 * The problem document for an error raised while reading a request body (Express's body-parser
 * types: malformed JSON, too large, unsupported encoding or charset, invalid UTF-8, a body that
 * does not decompress); undefined for any other error.
 */
export function bodyErrorProblem(error: unknown): Problem | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { status, expose, type, limit, code } = error as BodyError;
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true)
    return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return {
        status: 400,
        title: 'Malformed JSON',
        detail: 'The body is not valid JSON',
        code: 'MALFORMED_JSON',
      };
    case 'entity.too.large':
      return {
        status: 413,
        title: 'Request too large',
        detail:
          typeof limit === 'number'
            ? `The body is larger than the ${limit} bytes this endpoint accepts`
            : 'The body is larger than this endpoint accepts',
        code: 'REQUEST_TOO_LARGE',
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        title: 'Unsupported content encoding',
        detail: 'Send the body uncompressed, or compressed with gzip, deflate or br',
        code: 'UNSUPPORTED_CONTENT_ENCODING',
      };
    case 'charset.unsupported':
      return {
        status: 415,
        title: 'Unsupported charset',
        detail: 'Send the body in UTF-8',
        code: 'UNSUPPORTED_CHARSET',
      };
    case 'encoding.invalid':
      return {
        status: 400,
        title: 'Invalid encoding',
        detail: 'The body is not valid UTF-8',
        code: 'INVALID_ENCODING',
      };
    case 'parameters.too.many':
      return {
        status: 413,
        title: 'Request too large',
        detail: 'The body has too many parameters',
        code: 'REQUEST_TOO_LARGE',
      };
    default:
      // A body that does not decompress as its Content-Encoding says (zlib's Z_* errors).
      if (typeof code === 'string' && code.startsWith('Z_'))
        return {
          status: 400,
          title: 'Invalid encoding',
          detail: 'The body does not decode as its Content-Encoding says',
          code: 'INVALID_ENCODING',
        };
      return {
        status,
        title: STATUS_CODES[status] ?? 'Bad request',
        detail: 'The request body could not be read',
        code: 'BAD_REQUEST',
      };
  }
}

/** What a client sees of a failure inside the server: a problem with no detail of the cause. */
export const INTERNAL_PROBLEM: Problem = {
  status: 500,
  title: 'Internal server error',
  detail: 'The request could not be handled',
  code: 'INTERNAL',
};

/**
 * The last error handler of every HTTP server: body errors become their problem (400, 413, 415),
 * anything else a 500 problem, logged; never Express's HTML page with a stack trace.
 */
export function answerErrorsWithProblems(logger: Logger) {
  // Four parameters: that is how Express tells an error handler from a middleware.
  return (error: unknown, request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (response.headersSent) {
      next(error); // Express then closes the connection; there is nothing left to answer
      return;
    }
    const problem = bodyErrorProblem(error);
    const path = (request.url ?? '').split('?')[0];
    if (problem) {
      logger.info('request body refused', { path, status: problem.status, code: problem.code });
      sendProblem(response, problem);
      return;
    }
    logger.error('request failed', { path, error });
    sendProblem(response, INTERNAL_PROBLEM);
  };
}

/**
 * After the JSON parser: a POST must have sent a JSON body (415 otherwise, instead of a GraphQL
 * server's plain-text 500); any other method gets an empty body to read its parameters beside.
 */
export function requireJsonBody(
  request: IncomingMessage & { body?: unknown },
  response: ServerResponse,
  next: Next,
): void {
  if (request.body !== undefined) {
    next();
    return;
  }
  if (request.method === 'POST') {
    sendProblem(response, {
      status: 415,
      title: 'Unsupported media type',
      detail: 'Send a JSON body with content-type: application/json',
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    return;
  }
  request.body = {};
  next();
}

/**
 * For REST endpoints after the JSON parser: a body with a NUL character or an unpaired surrogate
 * in any string is a 400 problem naming where, before any handler sees it.
 */
export function refuseIllFormedText(
  request: IncomingMessage & { body?: unknown },
  response: ServerResponse,
  next: Next,
): void {
  const path = illFormedTextPath(request.body, 'body');
  if (path === undefined) {
    next();
    return;
  }
  sendProblem(response, {
    status: 400,
    title: 'Invalid text',
    detail: `${path}: ${ILL_FORMED_TEXT_MESSAGE}`,
    code: 'INVALID_TEXT',
    issues: [{ path, message: ILL_FORMED_TEXT_MESSAGE }],
  });
}

/** `404` for anything no route answered, as a problem (Express's own is an HTML page). */
export function answerNotFound(_request: IncomingMessage, response: ServerResponse): void {
  sendProblem(response, {
    status: 404,
    title: 'Not found',
    detail: 'Nothing here answers this request',
    code: 'NOT_FOUND',
  });
}
