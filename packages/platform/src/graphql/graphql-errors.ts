import { EbpError } from '@ebp/contracts';
import type { GraphQLFormattedError } from 'graphql';

/**
 * What clients see of an error: typed platform errors keep their message and carry their code in
 * `extensions.code`; anything else becomes INTERNAL_SERVER_ERROR without a message or stack trace.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  if (original instanceof EbpError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        // Which fields of the input were wrong, so that a form can say so beside each one.
        ...(original.issues.length > 0 ? { issues: original.issues } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // A subgraph's error passing through the gateway keeps its field issues.
    const issues = formatted.extensions?.issues;
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(Array.isArray(issues) ? { issues } : {}) },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
