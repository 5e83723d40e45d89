import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { formatGraphQLError } from './graphql-errors';
import { JsonScalar } from './json.scalar';
import { wellFormedInputPlugin } from './well-formed-input';
import { DEFAULT_GRAPHQL_LIMITS, graphqlLimits, type GraphqlLimits } from './query-limits';

export interface SubgraphSettings {
  readonly typeDefs: string;
  readonly production?: boolean;
  readonly limits?: Partial<GraphqlLimits>;
}

/**
 * The Apollo options every service's subgraph uses (pass them with the federation driver): the
 * same hardening as the gateway, typed errors, and the request in the context for identity.
 */
export function subgraphOptions(settings: SubgraphSettings) {
  return {
    typeDefs: settings.typeDefs,
    resolvers: { JSON: JsonScalar },
    path: '/graphql',
    playground: false,
    introspection: !settings.production,
    hideSchemaDetailsFromClientErrors: settings.production ?? false,
    validationRules: graphqlLimits(settings.limits),
    parseOptions: {
      maxTokens: settings.limits?.maxTokens ?? DEFAULT_GRAPHQL_LIMITS.maxTokens,
    },
    allowBatchedHttpRequests: false,
    // The process decides when to stop, in order: gateway, services, stores.
    stopOnTerminationSignals: false,
    // Per-field timings (ftv1) are for Apollo's cloud, which this graph never reports to.
    // Cache hints are never set nor read (answers depend on who asks), and the default plugin
    // would wrap every field's resolver to compute them.
    // Text with NUL or unpaired surrogates is refused here too, not only at the gateway.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      wellFormedInputPlugin(),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    context: ({ req }: { req: unknown }) => ({ req }),
  };
}
