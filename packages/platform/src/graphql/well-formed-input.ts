import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import {
  ILL_FORMED_TEXT_MESSAGE,
  illFormedTextPath,
  isWellFormedText,
} from '../http/well-formed-text';

/** Where in an operation's string literals (`"\u0000"` is a valid GraphQL escape) text is ill-formed. */
function illFormedLiteral(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    StringValue(node) {
      if (isWellFormedText(node.value)) return undefined;
      found = `query (line ${node.loc?.startToken.line ?? '?'})`;
      return BREAK;
    },
  });
  return found;
}

/** The path of the first ill-formed string in an operation's variables or literals, if any. */
export function illFormedInput(
  variables: Readonly<Record<string, unknown>> | undefined,
  document: DocumentNode,
): string | undefined {
  return illFormedTextPath(variables ?? {}, 'variables') ?? illFormedLiteral(document);
}

/**
 * Refuses an operation whose variables or string literals hold a NUL character or an unpaired
 * surrogate, as BAD_USER_INPUT (HTTP 400) naming where, before anything is resolved: such text
 * cannot be stored and is never meant. The gateway and every subgraph use it.
 */
export function wellFormedInputPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const path = illFormedInput(request.variables, document);
          if (path === undefined) return Promise.resolve();
          return Promise.reject(
            new GraphQLError(`${path}: ${ILL_FORMED_TEXT_MESSAGE}`, {
              extensions: {
                code: 'BAD_USER_INPUT',
                http: { status: 400 },
                issues: [{ path, message: ILL_FORMED_TEXT_MESSAGE }],
              },
            }),
          );
        },
      });
    },
  };
}
