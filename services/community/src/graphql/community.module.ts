import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { subgraphOptions, type GraphqlLimits } from '@ebp/platform';
import { CommunityApplication } from '../application/community-application';
import { CommunityAwards } from '../awards/award-use-cases';
import { CommunityBenchmarking } from '../benchmarking/benchmarking-use-cases';
import {
  AwardNominationResolver,
  AwardPeople,
  AwardResolver,
  FundApplicationResolver,
} from './award.resolver';
import { CommunityCommandsResolver } from './community-commands.resolver';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';
import { communityTypeDefs } from './community.schema';
import { PersonResolver } from './person.resolver';
import { InvolvementResolver, ResearchProjectResolver } from './research-project.resolver';
import { SkillsAuditResolver } from './skills-audit.resolver';
import { SurveyResolver } from './survey.resolver';

/** The community's subgraph: one module, built around a runtime from the composition root. */
@Module({})
export class CommunityModule {
  static forRoot(
    runtime: CommunityRuntime,
    options: { readonly production?: boolean; readonly limits?: Partial<GraphqlLimits> } = {},
  ): DynamicModule {
    return {
      module: CommunityModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          ...subgraphOptions({ typeDefs: communityTypeDefs, ...options }),
        }),
      ],
      providers: [
        { provide: COMMUNITY_RUNTIME, useValue: runtime },
        { provide: CommunityApplication, useValue: new CommunityApplication(runtime) },
        { provide: CommunityAwards, useValue: new CommunityAwards(runtime) },
        { provide: CommunityBenchmarking, useValue: new CommunityBenchmarking(runtime) },
        AwardPeople,
        AwardResolver,
        AwardNominationResolver,
        FundApplicationResolver,
        PersonResolver,
        ResearchProjectResolver,
        InvolvementResolver,
        CommunityCommandsResolver,
        SkillsAuditResolver,
        SurveyResolver,
      ],
    };
  }
}
