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
  const original = platformErrorIn(error);
  if (original) {
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
    const issues = fieldIssuesOf(formatted.extensions?.issues);
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(issues.length > 0 ? { issues } : {}) },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The platform's typed error behind a GraphQL error, however deeply wrapped: Apollo wraps a
 * resolver's error once, and a failed validation rule's error twice (its own ValidationError
 * around the rule's GraphQLError).
 */
export function platformErrorIn(error: unknown): EbpError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof EbpError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Field issues from another server's error (path and message, nothing else), for forms. */
export function fieldIssuesOf(value: unknown): { path: string; message: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
