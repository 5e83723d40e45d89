import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphQLError } from './graphql-errors';
import { JsonScalar } from './json.scalar';
import { RegisterApplication } from '../application/register-application';
import { DEFAULT_GRAPHQL_LIMITS, graphqlLimits, type GraphqlLimits } from '@ebp/platform';
import { PriorityResolver } from './priority.resolver';
import { ProjectCommandsResolver } from './project-commands.resolver';
import { ProjectResolver } from './project.resolver';
import { registerTypeDefs } from './register.schema';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** The register's subgraph: one module, built around a runtime from the composition root. */
@Module({})
export class RegisterModule {
  static forRoot(
    runtime: RegisterRuntime,
    options: { readonly production?: boolean; readonly limits?: Partial<GraphqlLimits> } = {},
  ): DynamicModule {
    return {
      module: RegisterModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          typeDefs: registerTypeDefs,
          resolvers: { JSON: JsonScalar },
          path: '/graphql',
          playground: false,
          introspection: !options.production,
          hideSchemaDetailsFromClientErrors: options.production ?? false,
          validationRules: graphqlLimits(options.limits),
          parseOptions: {
            maxTokens: options.limits?.maxTokens ?? DEFAULT_GRAPHQL_LIMITS.maxTokens,
          },
          allowBatchedHttpRequests: false,
          // The process decides when to stop, in order: gateway, services, stores.
          stopOnTerminationSignals: false,
          // Per-field timings (ftv1) are for Apollo's cloud, which this graph never reports to.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
      providers: [
        { provide: REGISTER_RUNTIME, useValue: runtime },
        { provide: RegisterApplication, useValue: new RegisterApplication(runtime) },
        ProjectResolver,
        ProjectCommandsResolver,
        PriorityResolver,
      ],
    };
  }
}
