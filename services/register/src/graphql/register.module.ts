import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';

import { RegisterApplication } from '../application/register-application';
import { subgraphOptions, type GraphqlLimits } from '@ebp/platform';
import { PriorityResolver } from './priority.resolver';
import { ProgrammeApplication } from '../programme/programme-application';
import { ResearchPlanResolver, WorkstreamResolver } from './programme.resolver';
import { MeetingsApplication } from '../meetings/meetings-application';
import { AgendaItemResolver, MeetingDecisionResolver, MeetingResolver } from './meeting.resolver';
import { GovernanceResolver } from './governance.resolver';
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
    const register = new RegisterApplication(runtime);
    return {
      module: RegisterModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          ...subgraphOptions({ typeDefs: registerTypeDefs, ...options }),
        }),
      ],
      providers: [
        { provide: REGISTER_RUNTIME, useValue: runtime },
        { provide: RegisterApplication, useValue: register },
        { provide: MeetingsApplication, useValue: new MeetingsApplication(runtime, register) },
        { provide: ProgrammeApplication, useValue: new ProgrammeApplication(runtime) },
        ProjectResolver,
        ProjectCommandsResolver,
        PriorityResolver,
        GovernanceResolver,
        ResearchPlanResolver,
        WorkstreamResolver,
        MeetingResolver,
        AgendaItemResolver,
        MeetingDecisionResolver,
      ],
    };
  }
}
