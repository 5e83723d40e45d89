import type { ServerResponse } from 'node:http';

/** An RFC 9457 problem: a stable `code` for clients besides the standard members. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly type?: string;
  /** Further members, e.g. the quarantined item's id or the contract's issues. */
  readonly [member: string]: unknown;
}

/** Answers with an `application/problem+json` body. */
export function sendProblem(response: ServerResponse, problem: Problem): void {
  response.statusCode = problem.status;
  response.setHeader('content-type', 'application/problem+json');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify({ type: 'about:blank', ...problem }));
}
