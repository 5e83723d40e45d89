import type { GraphQLFormattedError } from 'graphql';
import { fieldIssuesOf } from '@ebp/platform';

/**
 * Codes that say something went wrong inside the platform, whatever the message: Apollo's catch-all
 * and the gateway's wrapper of a subgraph error without a code, and the platform's own
 * infrastructure errors (event store, contracts of stored events, configuration).
 */
const INTERNAL_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'DOWNSTREAM_SERVICE_ERROR',
  'CONTRACT_VIOLATION',
  'UPCAST_FAILED',
  'CHECKPOINT_CONFLICT',
  'DUPLICATE_EVENT_ID',
  'UNKNOWN_TOPIC',
  'CONFIG_INVALID',
  'DATA_DIRECTORY_IN_USE',
]);

/**
 * Apollo's request-level codes. From the gateway they answer the client's operation; from a
 * subgraph they describe the query plan the gateway sent it, which is the platform's fault and
 * says nothing the client can act on.
 */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** A machine-readable code as the platform writes them (FORBIDDEN, PROJECT_NOT_FOUND, …). */
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** A stack frame (`at fn (/srv/x.ts:1:2)`) or a source position: never part of a typed message. */
const STACK_TRACE = /\n\s*at |\bat \S+ \(|\.[cm]?[jt]s:\d+:\d+/;

export const MASKED_MESSAGE = 'Internal server error';

/**
 * Whether the client may see an error's message. Typed errors keep it: the platform's domain
 * errors (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, PROJECT_NOT_FOUND, …), wherever they were raised,
 * and the gateway's own answers to the operation (parse, validation, limits, authentication).
 * Masked: anything without a code or with an internal one, a subgraph's request-level error,
 * a subgraph that answered with an HTTP error (`extensions.response` holds its URL and body), and
 * any message that carries a stack trace, whatever its code.
 */
export function isTypedError(
  extensions: Readonly<Record<string, unknown>> | undefined,
  message = '',
): boolean {
  const code = extensions?.code;
  if (typeof code !== 'string' || !CODE.test(code) || INTERNAL_CODES.has(code)) return false;
  if (STACK_TRACE.test(message)) return false;
  if (extensions && 'response' in extensions) return false;
  const fromSubgraph = extensions !== undefined && 'serviceName' in extensions;
  return !(fromSubgraph && REQUEST_CODES.has(code));
}

/**
 * What a client sees of an error at the gateway: a typed error's message, code and field issues;
 * for anything else a generic message and INTERNAL_SERVER_ERROR, so that neither a subgraph's raw
 * error text (a driver's message, an internal URL) nor a stack trace leaves the platform.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const path = formatted.path ? { path: formatted.path } : {};
  if (!isTypedError(formatted.extensions, formatted.message))
    return { message: MASKED_MESSAGE, ...path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  const issues = fieldIssuesOf(formatted.extensions?.issues);
  return {
    message: formatted.message,
    ...path,
    extensions: {
      code: formatted.extensions?.code,
      ...(issues.length > 0 ? { issues } : {}),
    },
  };
}
