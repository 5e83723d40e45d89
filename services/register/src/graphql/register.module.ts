import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError } from './graphql-errors';
import { JsonScalar } from './json.scalar';
import { ProjectResolver } from './project.resolver';
import { registerTypeDefs } from './register.schema';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** The register's subgraph: one module, built around a runtime from the composition root. */
@Module({})
export class RegisterModule {
  static forRoot(
    runtime: RegisterRuntime,
    options: { readonly production?: boolean } = {},
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
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
      providers: [{ provide: REGISTER_RUNTIME, useValue: runtime }, ProjectResolver],
    };
  }
}
