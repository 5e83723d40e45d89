import { Inject, type Type } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { identityOf, inputFromGraph, type RequestContext } from '@ebp/platform';
import { DisseminationApplication } from '../application/dissemination-application';
import type { CourseView, EvidenceMap } from '../training/evidence-map';
import { TrainingApplication } from '../training/training-application';
import { DISSEMINATION_RUNTIME, type DisseminationRuntime } from './dissemination-runtime';
import { itemsLoader } from './library.resolver';
import { toLibraryItem } from './library-item.view';

const toCourse = (course: CourseView) => ({
  ...course,
  id: course.courseId,
  parts: course.parts.map((part) => ({ ...part, id: part.partId })),
});

const toMap = (map: EvidenceMap) => ({
  ...map,
  coursesWithoutEvidence: map.coursesWithoutEvidence.map(toCourse),
  partsWithoutEvidence: map.partsWithoutEvidence.map(({ course, part }) => ({
    course: toCourse(course),
    partId: part.partId,
    title: part.title,
  })),
  taught: map.taught.map((entry) => ({
    ...entry,
    citedBy: entry.citedBy.map(({ course, partIds }) => ({ course: toCourse(course), partIds })),
  })),
});

/** Training and evidence: the training application decides who sees and may do what. */
@Resolver('Course')
export class CourseResolver {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) private readonly runtime: DisseminationRuntime,
    @Inject(TrainingApplication) private readonly training: TrainingApplication,
  ) {}

  private identity(context: RequestContext) {
    return identityOf(this.runtime, context);
  }

  @Query('courses')
  async courses(
    @Context() context: RequestContext,
    @Args('provider') provider?: string | null,
    @Args('includeRetired') includeRetired?: boolean | null,
  ) {
    const views = await this.training.courses(await this.identity(context), {
      ...(provider ? { provider } : {}),
      includeRetired: includeRetired === true,
    });
    return views.map(toCourse);
  }

  @Query('course')
  async course(@Context() context: RequestContext, @Args('id') id: string) {
    const view = await this.training.course(await this.identity(context), id);
    return view ? toCourse(view) : null;
  }

  @Query('trainingEvidenceMap')
  async map(
    @Context() context: RequestContext,
    @Args('minimumSmsLevel') minimumSmsLevel?: number | null,
  ) {
    const identity = await this.identity(context);
    return toMap(await this.training.evidenceMap(identity, minimumSmsLevel ?? undefined));
  }

  /** The course after a change the caller just made (read after the projections caught up). */
  private async changed(context: RequestContext, id: string) {
    const course = await this.course(context, id);
    if (!course) throw new Error(`course ${id} is missing after a change to it`);
    return { course };
  }

  @Mutation('registerCourse')
  async register(@Context() context: RequestContext, @Args('course') course: unknown) {
    const identity = await this.identity(context);
    const id = await this.training.registerCourse(identity, inputFromGraph(course));
    return this.changed(context, id);
  }

  @Mutation('reviseCourse')
  async revise(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('course') course: unknown,
  ) {
    await this.training.reviseCourse(await this.identity(context), id, inputFromGraph(course));
    return this.changed(context, id);
  }

  @Mutation('linkCourseEvidence')
  async link(
    @Context() context: RequestContext,
    @Args('courseId') courseId: string,
    @Args('evidence') evidence: unknown,
  ) {
    const identity = await this.identity(context);
    await this.training.linkEvidence(identity, courseId, inputFromGraph(evidence));
    return this.changed(context, courseId);
  }

  @Mutation('unlinkCourseEvidence')
  async unlink(
    @Context() context: RequestContext,
    @Args('courseId') courseId: string,
    @Args('partId') partId: string,
    @Args('itemId') itemId: string,
    @Args('reason') reason: string,
  ) {
    const identity = await this.identity(context);
    await this.training.unlinkEvidence(identity, courseId, partId, itemId, reason);
    return this.changed(context, courseId);
  }

  @Mutation('retireCourse')
  async retire(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('reason') reason: string,
  ) {
    await this.training.retireCourse(await this.identity(context), id, reason);
    return this.changed(context, id);
  }
}

/** Library items cited by courses, or named by the map, as the caller may read them. */
abstract class CitedItems {
  constructor(
    protected readonly runtime: DisseminationRuntime,
    protected readonly library: DisseminationApplication,
  ) {}

  /** The items the caller may read, in order (one read for every item of a request). */
  protected async readable(context: RequestContext, itemIds: readonly string[]) {
    const identity = await identityOf(this.runtime, context);
    const seen = await itemsLoader(context, identity, this.library).loadMany(itemIds);
    return seen.flatMap((item) => {
      if (item instanceof Error) throw item;
      return item ? [toLibraryItem(item)] : [];
    });
  }
}

/**
 * The resolver of `item` for a type that names a cited library item by `itemId`. The parent was
 * built only from items the caller may read, so an unreadable one here is a fault, not a refusal.
 */
function citedItemResolver(typeName: 'CourseEvidence' | 'TaughtEvidence'): Type<unknown> {
  @Resolver(typeName)
  class CitedItemResolver extends CitedItems {
    constructor(
      @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
      @Inject(DisseminationApplication) library: DisseminationApplication,
    ) {
      super(runtime, library);
    }

    @ResolveField('item')
    async item(@Parent() cited: { itemId: string }, @Context() context: RequestContext) {
      const [item] = await this.readable(context, [cited.itemId]);
      if (!item) throw new Error(`cited item ${cited.itemId} is not readable after it was checked`);
      return item;
    }
  }
  return CitedItemResolver;
}

export const CourseEvidenceResolver = citedItemResolver('CourseEvidence');
export const TaughtEvidenceResolver = citedItemResolver('TaughtEvidence');

@Resolver('TrainingEvidenceMap')
export class TrainingEvidenceMapResolver extends CitedItems {
  constructor(
    @Inject(DISSEMINATION_RUNTIME) runtime: DisseminationRuntime,
    @Inject(DisseminationApplication) library: DisseminationApplication,
  ) {
    super(runtime, library);
  }

  @ResolveField('strongEvidenceTaughtNowhere')
  async untaught(
    @Parent() map: { strongEvidenceTaughtNowhere: readonly string[] },
    @Context() context: RequestContext,
  ) {
    return this.readable(context, map.strongEvidenceTaughtNowhere);
  }
}
