import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { identityOf, type RequestContext } from '@ebp/platform';
import type { AgreementFilter } from '../agreements/agreement-list';
import { PartnersApplication, type AgreementView } from '../application/partners-application';
import { PARTNERS_RUNTIME, type PartnersRuntime } from './partners-runtime';

interface GraphAgreementFilter {
  readonly organisationId?: string | null;
  readonly status?: string | null;
  readonly kind?: string | null;
  readonly expiringBefore?: string | null;
}

/** The graph's filter as the application's (null means not given). */
function toFilter(filter: GraphAgreementFilter | null | undefined): AgreementFilter {
  const { organisationId, status, kind, expiringBefore } = filter ?? {};
  return {
    ...(organisationId ? { organisationId } : {}),
    ...(status ? { status: status as NonNullable<AgreementFilter['status']> } : {}),
    ...(kind ? { kind: kind as NonNullable<AgreementFilter['kind']> } : {}),
    ...(typeof expiringBefore === 'string' ? { expiringBefore } : {}),
  };
}

export const toGraphAgreement = (view: AgreementView) => ({
  id: view.agreementId,
  kind: view.kind,
  title: view.title,
  partyIds: view.partyIds,
  startsOn: view.startsOn,
  expiresOn: view.expiresOn,
  status: view.standing,
});

/** The list of agreements; who sees which is the application's rule. */
@Resolver('Agreement')
export class AgreementResolver {
  constructor(
    @Inject(PARTNERS_RUNTIME) private readonly runtime: PartnersRuntime,
    @Inject(PartnersApplication) private readonly partners: PartnersApplication,
  ) {}

  @Query('agreements')
  async agreements(
    @Context() context: RequestContext,
    @Args('filter') filter: GraphAgreementFilter | null | undefined,
    @Args('limit') limit: number | null | undefined,
    @Args('offset') offset: number | null | undefined,
  ) {
    const page = await this.partners.agreementList(await identityOf(this.runtime, context), {
      filter: toFilter(filter),
      ...(typeof limit === 'number' ? { limit } : {}),
      ...(typeof offset === 'number' ? { offset } : {}),
    });
    return { items: page.items.map(toGraphAgreement), total: page.total };
  }
}
