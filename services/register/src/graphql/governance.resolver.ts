import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { identityOf, type RequestContext } from '@ebp/platform';
import { RegisterApplication } from '../application/register-application';
import type { ReportFormat } from '../governance/report-formats';
import { REGISTER_RUNTIME, type RegisterRuntime } from './register-runtime';

/** Governance reports in the graph; the report itself is built and rendered below. */
@Resolver()
export class GovernanceResolver {
  constructor(
    @Inject(REGISTER_RUNTIME) private readonly runtime: RegisterRuntime,
    @Inject(RegisterApplication) private readonly register: RegisterApplication,
  ) {}

  @Query('governanceReport')
  async governanceReport(
    @Context() context: RequestContext,
    @Args('asOf') asOf: string,
    @Args('format') format: string | undefined,
  ) {
    return this.register.governanceReport(
      await identityOf(this.runtime, context),
      asOf,
      (format ?? 'JSON').toLowerCase() as ReportFormat,
    );
  }

  @Query('governanceComparison')
  async governanceComparison(
    @Context() context: RequestContext,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('format') format: string | undefined,
  ) {
    return this.register.governanceComparison(
      await identityOf(this.runtime, context),
      from,
      to,
      format === 'MARKDOWN' ? 'markdown' : 'json',
    );
  }
}
