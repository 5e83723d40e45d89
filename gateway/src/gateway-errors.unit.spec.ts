import type { GraphQLFormattedError } from 'graphql';
import { MASKED_MESSAGE, formatGatewayError } from './gateway-errors';

const fromSubgraph = (message: string, extensions: Record<string, unknown> = {}) => ({
  message,
  path: ['researchProject'],
  extensions: { serviceName: 'register', ...extensions },
});

describe('what the gateway relays of an error (issue 17)', () => {
  it.each<[string, GraphQLFormattedError]>([
    ['a subgraph error without a code', fromSubgraph('relation "ebp_events" does not exist')],
    [
      'a subgraph INTERNAL_SERVER_ERROR with raw text',
      fromSubgraph(
        'TypeError: Cannot read properties of undefined\n    at Resolver (/srv/x.ts:1:1)',
        {
          code: 'INTERNAL_SERVER_ERROR',
        },
      ),
    ],
    [
      'the wrapper of a subgraph error without a code',
      fromSubgraph('connect ECONNREFUSED 10.0.0.7:5432', { code: 'DOWNSTREAM_SERVICE_ERROR' }),
    ],
    [
      'a subgraph’s validation error (the query plan, not the client’s operation)',
      fromSubgraph('Cannot query field "secret" on type "Query".', {
        code: 'GRAPHQL_VALIDATION_FAILED',
      }),
    ],
    [
      'a subgraph that answered with an HTTP error',
      {
        message: '401: Unauthorized',
        extensions: {
          code: 'UNAUTHENTICATED',
          response: { url: 'http://10.0.0.7:4001/graphql', status: 401, body: '…' },
        },
      },
    ],
    [
      'a failed fetch',
      {
        message: 'request to http://10.0.0.7:4001/graphql failed, reason: connect ECONNREFUSED',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ],
    ['an error with no extensions at all', { message: 'something internal' }],
    [
      'a code that is not one of the platform’s',
      fromSubgraph('internal', { code: 'at Object.<anonymous> (/srv/x.ts:1:1)' }),
    ],
    [
      'a platform-looking code over a message with a stack trace',
      fromSubgraph('Error: boom\n    at Resolver.upcoming (/srv/ebp/x.ts:12:7)', {
        code: 'ECONNREFUSED',
      }),
    ],
    [
      'a typed code over a message naming a source position',
      fromSubgraph('failed in /srv/ebp/dissemination/dist/x.js:12:7', { code: 'NOT_FOUND' }),
    ],
    [
      'a stored event that broke its contract',
      fromSubgraph('Input does not match contract register.project.proposed: …', {
        code: 'CONTRACT_VIOLATION',
      }),
    ],
  ])('masks %s', (_name, formatted) => {
    const masked = formatGatewayError(formatted);
    expect(masked).toEqual({
      message: MASKED_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(masked)).not.toMatch(/10\.0\.0\.7|ECONNREFUSED|ebp_events|\bat /);
  });

  it.each<[string, GraphQLFormattedError]>([
    [
      'FORBIDDEN from a subgraph',
      fromSubgraph('Only the committee may decide', { code: 'FORBIDDEN' }),
    ],
    ['NOT_FOUND from a subgraph', fromSubgraph('No library item x', { code: 'NOT_FOUND' })],
    ['a domain *_NOT_FOUND', fromSubgraph('No project p-1', { code: 'PROJECT_NOT_FOUND' })],
    ['a domain rule', fromSubgraph('Not from status draft', { code: 'ILLEGAL_TRANSITION' })],
    [
      'BAD_USER_INPUT from a subgraph',
      fromSubgraph('variables.t: Remove NUL …', { code: 'BAD_USER_INPUT' }),
    ],
    [
      'UNAUTHENTICATED at the gateway',
      { message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } },
    ],
    [
      'the gateway’s own validation of the client’s operation',
      {
        message: 'Cannot query field "titel" on type "ResearchProject".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
    [
      'the gateway’s parse error',
      { message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ],
  ])('keeps the message of %s', (_name, formatted) => {
    expect(formatGatewayError(formatted)).toEqual({
      message: formatted.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: formatted.extensions?.code },
    });
  });

  it('keeps a typed error’s field issues and nothing else of its extensions', () => {
    expect(
      formatGatewayError(
        fromSubgraph('The proposal is not valid', {
          code: 'INVALID_PROJECT_INPUT',
          issues: [
            { path: 'summary', message: 'Enter at least 20 characters', stack: 'x' },
            'junk',
          ],
          exception: { stacktrace: ['at x'] },
        }),
      ),
    ).toEqual({
      message: 'The proposal is not valid',
      path: ['researchProject'],
      extensions: {
        code: 'INVALID_PROJECT_INPUT',
        issues: [{ path: 'summary', message: 'Enter at least 20 characters' }],
      },
    });
  });
});
