import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { subgraphOptions, type GraphqlLimits } from '@ebp/platform';
import { DisseminationApplication } from '../application/dissemination-application';
import { DISSEMINATION_RUNTIME, type DisseminationRuntime } from './dissemination-runtime';
import { disseminationTypeDefs } from './dissemination.schema';
import {
  LearningNetworkResolver,
  LearningPostResolver,
  MasterClassResolver,
  SubscriptionResolver,
} from './learning.resolver';
import {
  LibraryCommandsResolver,
  LibraryItemResolver,
  ResearchProjectPublicationsResolver,
  SearchResolver,
} from './library.resolver';
import { VocabularyResolver } from './vocabulary.resolver';
import { ForumPostResolver, ForumThreadResolver } from './forum.resolver';
import { ForumApplication } from '../forum/forum-application';
import { TrainingApplication } from '../training/training-application';
import {
  CourseEvidenceResolver,
  CourseResolver,
  TaughtEvidenceResolver,
  TrainingEvidenceMapResolver,
} from './training.resolver';

/** The dissemination subgraph: one module, built around a runtime from the composition root. */
@Module({})
export class DisseminationModule {
  static forRoot(
    runtime: DisseminationRuntime,
    applications: {
      readonly library: DisseminationApplication;
      readonly forum: ForumApplication;
      readonly training: TrainingApplication;
    },
    options: { readonly production?: boolean; readonly limits?: Partial<GraphqlLimits> } = {},
  ): DynamicModule {
    return {
      module: DisseminationModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          ...subgraphOptions({ typeDefs: disseminationTypeDefs, ...options }),
        }),
      ],
      providers: [
        { provide: DISSEMINATION_RUNTIME, useValue: runtime },
        { provide: DisseminationApplication, useValue: applications.library },
        { provide: ForumApplication, useValue: applications.forum },
        { provide: TrainingApplication, useValue: applications.training },
        LibraryItemResolver,
        SearchResolver,
        LibraryCommandsResolver,
        ResearchProjectPublicationsResolver,
        MasterClassResolver,
        LearningNetworkResolver,
        LearningPostResolver,
        SubscriptionResolver,
        VocabularyResolver,
        ForumThreadResolver,
        ForumPostResolver,
        CourseResolver,
        CourseEvidenceResolver,
        TaughtEvidenceResolver,
        TrainingEvidenceMapResolver,
      ],
    };
  }
}
