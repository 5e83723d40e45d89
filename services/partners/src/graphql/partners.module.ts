import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { subgraphOptions, type GraphqlLimits } from '@ebp/platform';
import { PartnersApplication } from '../application/partners-application';
import { AgreementResolver } from './agreement.resolver';
import { PartnersCommandsResolver } from './feeds.resolver';
import {
  AcademicResolver,
  CollaborationResolver,
  OrganisationResolver,
  ResearchProjectPartnersResolver,
} from './network.resolver';
import { PARTNERS_RUNTIME, type PartnersRuntime } from './partners-runtime';
import { partnersTypeDefs } from './partners.schema';

/** The partners subgraph: one module, built around a runtime from the composition root. */
@Module({})
export class PartnersModule {
  static forRoot(
    runtime: PartnersRuntime,
    application: PartnersApplication,
    options: { readonly production?: boolean; readonly limits?: Partial<GraphqlLimits> } = {},
  ): DynamicModule {
    return {
      module: PartnersModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          ...subgraphOptions({ typeDefs: partnersTypeDefs, ...options }),
        }),
      ],
      providers: [
        { provide: PARTNERS_RUNTIME, useValue: runtime },
        { provide: PartnersApplication, useValue: application },
        OrganisationResolver,
        AcademicResolver,
        CollaborationResolver,
        ResearchProjectPartnersResolver,
        PartnersCommandsResolver,
        AgreementResolver,
      ],
    };
  }
}
