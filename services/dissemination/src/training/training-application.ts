import { randomUUID } from 'node:crypto';
import { dissemination, parseOrThrow, type Classification } from '@ebp/contracts';
import {
  CommandHandler,
  bodiesOf,
  commandContextFor,
  type DocumentCollection,
} from '@ebp/eventing';
import type { Identity } from '@ebp/platform';
import type { VisibleLibraryItem } from '../access/item-visibility';
import { EDITORS, STAFF, requireStaffRole } from '../access/library-access';
import type { DisseminationStores } from '../application/dissemination-application';
import {
  IllegalDisseminationTransition,
  InvalidDisseminationInput,
  NotFound,
} from '../dissemination-errors';
import type { CourseEntry } from '../projections/courses';
import {
  courseDecider,
  courseStreamId,
  type CourseCommand,
  type CourseState,
} from './course.decider';
import { evidenceMap, type CourseView, type EvidenceMap } from './evidence-map';

/** What training needs of the service: its stores, and the library as one reader sees it. */
export interface TrainingStores extends Pick<DisseminationStores, 'store' | 'catchUp' | 'now'> {
  readonly courses: () => Promise<DocumentCollection<CourseEntry>>;
  /** The items named that the caller may read, in the order asked. */
  readonly readableItems: (
    identity: Identity,
    itemIds: readonly string[],
  ) => Promise<VisibleLibraryItem[]>;
  /** Published items the caller may read whose evidence reaches the SMS level. */
  readonly strongEvidence: (identity: Identity, smsLevel: number) => Promise<VisibleLibraryItem[]>;
  /**
   * How sensitive a reference to these items is, whoever asks: each item's own classifications
   * and those of the projects it names (decision 0040).
   */
  readonly classificationOfItems: (itemIds: readonly string[]) => Promise<Classification>;
}

/** Who records courses and cites evidence for them: the library's editors (decision 0040). */
export const TRAINING_EDITORS = EDITORS;

/** Courses a list or a map reads at most: a force runs hundreds, not thousands. */
const MAX_COURSES = 1_000;
/** The longest provider text a list is filtered by (a provider's name is at most 200). */
const MAX_PROVIDER_FILTER = 200;

/** Every item a course's parts cite, by the decider's state. */
const citedIn = (state: CourseState): string[] => [
  ...new Set(Object.values(state.evidence).flatMap((part) => Object.keys(part))),
];

/** The published version of an item the caller may read, if it has one they may read. */
function publishedOf(seen: VisibleLibraryItem) {
  return seen.entry.status === 'published' ? seen.entry.published : null;
}

/**
 * Training and evidence (issue 20, decision 0040): the force's courses, the library items that
 * support each part, and the map of where evidence leads training and where there are gaps. A
 * citation is the cited item's data: readers see only the citations of items they may read,
 * and nobody may cite an item they may not read, which is refused as one that does not exist.
 */
export class TrainingApplication {
  private readonly commands;

  constructor(private readonly stores: TrainingStores) {
    this.commands = new CommandHandler(stores.store, courseDecider);
  }

  async registerCourse(identity: Identity, course: unknown): Promise<string> {
    requireStaffRole(identity, TRAINING_EDITORS, 'record courses');
    const courseId = `course-${randomUUID()}`;
    await this.handle(identity, { type: 'register', courseId, course });
    return courseId;
  }

  async reviseCourse(identity: Identity, courseId: string, course: unknown): Promise<void> {
    requireStaffRole(identity, TRAINING_EDITORS, 'revise courses');
    await this.handle(identity, { type: 'revise', courseId, course });
  }

  async retireCourse(identity: Identity, courseId: string, reason: unknown): Promise<void> {
    requireStaffRole(identity, TRAINING_EDITORS, 'retire courses');
    await this.handle(identity, { type: 'retire', courseId, reason });
  }

  /**
   * Cites a published item for a part. An item the caller may not read, or that is not
   * published, is answered as one that does not exist. A part takes `MAX_PART_EVIDENCE` items
   * of those the caller may read: citations they may not read are not counted, so the limit
   * tells nobody they exist.
   */
  async linkEvidence(identity: Identity, courseId: string, link: unknown): Promise<void> {
    requireStaffRole(identity, TRAINING_EDITORS, 'cite evidence for courses');
    const parsed = dissemination.CourseEvidenceLinkSchema.safeParse(link);
    // A link that breaks the contract is left to the decider, which says why.
    if (parsed.success) {
      await this.requireCitable(identity, parsed.data.itemId);
      await this.requireRoomIn(identity, courseId, parsed.data);
    }
    const classification = parsed.success
      ? await this.stores.classificationOfItems([parsed.data.itemId])
      : 'OFFICIAL';
    await this.handle(identity, { type: 'link', courseId, link, classification });
  }

  /** Unlinks a citation; one of an item the caller may not read is answered as no citation. */
  async unlinkEvidence(
    identity: Identity,
    courseId: string,
    partId: string,
    itemId: string,
    reason: unknown,
  ): Promise<void> {
    requireStaffRole(identity, TRAINING_EDITORS, 'unlink evidence from courses');
    const { partId: part, itemId: item } = parseOrThrow(
      dissemination.CourseEvidenceLinkSchema.pick({ partId: true, itemId: true }),
      { partId, itemId },
      'evidence',
      InvalidDisseminationInput,
    );
    const readable = await this.stores.readableItems(identity, [item]);
    if (readable.length === 0)
      throw new NotFound(`Part ${part} of course ${courseId} does not cite item ${item}`);
    await this.handle(identity, { type: 'unlink', courseId, partId: part, itemId: item, reason });
  }

  /** One course as the caller sees it; null when there is none. */
  async course(identity: Identity, courseId: string): Promise<CourseView | null> {
    requireStaffRole(identity, STAFF, 'read courses');
    const entry = (await (await this.stores.courses()).get(courseId))?.body;
    return entry ? ((await this.viewsFor(identity, [entry])).views[0] ?? null) : null;
  }

  /** Courses by title, active ones unless retired ones are asked for too; of one provider if named. */
  async courses(
    identity: Identity,
    options: { provider?: string; includeRetired?: boolean } = {},
  ): Promise<CourseView[]> {
    requireStaffRole(identity, STAFF, 'read courses');
    return (await this.viewsFor(identity, await this.entries(options))).views;
  }

  /** Where evidence leads training and where there are gaps, as the caller may see it. */
  async evidenceMap(
    identity: Identity,
    minimumSmsLevel = dissemination.DEFAULT_STRONG_SMS_LEVEL,
  ): Promise<EvidenceMap> {
    const level = Math.min(Math.max(Math.trunc(minimumSmsLevel), 1), 5);
    requireStaffRole(identity, STAFF, 'read courses');
    const [active, strong] = await Promise.all([
      this.entries(),
      this.stores.strongEvidence(identity, level),
    ]);
    // The items cited are read once, both to hide what the caller may not read and for levels.
    const { views: courses, cited } = await this.viewsFor(identity, active);
    const levelOf = (seen: VisibleLibraryItem) =>
      publishedOf(seen)?.content.evidence.smsLevel ?? null;
    return evidenceMap(
      courses,
      strong.map((seen) => ({ itemId: seen.entry.itemId, smsLevel: levelOf(seen) })),
      new Map(cited.map((seen) => [seen.entry.itemId, levelOf(seen)])),
      level,
    );
  }

  /** The stored courses by title (at most MAX_COURSES), before what the caller may read is applied. */
  private entries(
    options: { provider?: string; includeRetired?: boolean } = {},
  ): Promise<CourseEntry[]> {
    return bodiesOf(this.stores.courses(), {
      filter: {
        ...(options.includeRetired ? {} : { status: 'active' }),
        ...(options.provider
          ? { provider: { $includes: options.provider.slice(0, MAX_PROVIDER_FILTER) } }
          : {}),
      },
      sort: [{ field: 'title', direction: 'asc' }],
      limit: MAX_COURSES,
    });
  }

  /**
   * The courses as the caller sees them: citations only of published items they may read (one
   * read of the library for the batch).
   */
  private async viewsFor(
    identity: Identity,
    entries: readonly CourseEntry[],
  ): Promise<{ views: CourseView[]; cited: VisibleLibraryItem[] }> {
    const cited = (
      await this.stores.readableItems(identity, [
        ...new Set(entries.flatMap((entry) => entry.itemIds)),
      ])
    ).filter((seen) => publishedOf(seen) !== null);
    const readable = new Set(cited.map((seen) => seen.entry.itemId));
    const views = entries.map((entry) => {
      const parts = entry.parts.map((part) => ({
        ...part,
        evidence: part.evidence.filter((cited) => readable.has(cited.itemId)),
      }));
      return {
        ...entry,
        parts,
        itemIds: entry.itemIds.filter((itemId) => readable.has(itemId)),
      };
    });
    return { views, cited };
  }

  /** Refuses, as one that does not exist, an item the caller may not read or that is unpublished. */
  private async requireCitable(identity: Identity, itemId: string): Promise<void> {
    const [seen] = await this.stores.readableItems(identity, [itemId]);
    if (!seen || !publishedOf(seen)) throw new NotFound(`No published library item ${itemId}`);
  }

  /** Refuses a citation beyond `MAX_PART_EVIDENCE` of those the caller may read in the part. */
  private async requireRoomIn(
    identity: Identity,
    courseId: string,
    link: dissemination.CourseEvidenceLink,
  ): Promise<void> {
    const entry = (await (await this.stores.courses()).get(courseId))?.body;
    const part = entry?.parts.find((each) => each.partId === link.partId);
    if (!part || part.evidence.some((cited) => cited.itemId === link.itemId)) return;
    const readable = await this.stores.readableItems(
      identity,
      part.evidence.map((cited) => cited.itemId),
    );
    if (readable.length >= dissemination.MAX_PART_EVIDENCE)
      throw new IllegalDisseminationTransition(
        `Part ${link.partId} cites ${dissemination.MAX_PART_EVIDENCE} items, as many as a part takes`,
      );
  }

  /**
   * Every course event is labelled as sensitive as the items the course cites after it, and the
   * projects they name, as they stand when each attempt decides (decision 0040): an item made
   * OFFICIAL-SENSITIVE after it was cited raises the label of the course's next events.
   */
  private async handle(identity: Identity, command: CourseCommand): Promise<void> {
    await this.commands.handle(
      courseStreamId(command.courseId),
      command,
      commandContextFor(identity.actor, this.stores.now(), 'OFFICIAL'),
      { classifiedBy: (after) => this.stores.classificationOfItems(citedIn(after)) },
    );
    await this.stores.catchUp();
  }
}
