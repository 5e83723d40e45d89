import { z } from 'zod';
import { ClassificationSchema, defineEvents } from '../envelope';
import { ATTENDANCE_RECORDED, AttendanceRecordedSchema } from './attendance';
import { ForumReplySchema, ModerationReasonSchema, RecordedForumThreadSchema } from './forum';
import { LearningNetworkSchema, LearningPostSchema, MasterClassSchema } from './learning';
import { ItemSourceSchema, RecordedLibraryContentSchema } from './library';
import { TargetIdSchema } from './pipeline';
import { DigestEmailSchema, DigestStopSchema } from './digest';
import { CourseEvidenceLinkSchema, CourseReasonSchema, CourseSchema } from './training';

const id = z.string().min(1).max(100);
const reason = z.string().trim().min(10).max(2_000);
const attempt = z.int().min(1);
const httpStatus = z.int().min(100).max(599);
/** A report of a forum post, or a moderator's decision on it: who, and why. */
const moderation = z
  .object({ threadId: id, postId: id, by: id, reason: ModerationReasonSchema })
  .strict();

/** A partner organisation's place on a master class (the organisation is the partners' entity). */
const partnerPlace = z.object({ masterClassId: id, organisationId: id }).strict();

export const disseminationEventData = {
  'dissemination.library.item-drafted': z
    .object({ itemId: id, source: ItemSourceSchema, content: RecordedLibraryContentSchema, by: id })
    .strict(),
  'dissemination.library.item-revised': z
    .object({ itemId: id, content: RecordedLibraryContentSchema, by: id })
    .strict(),
  /** An editorial decision: this version is public (to those its classification allows). */
  'dissemination.library.item-published': z
    .object({
      itemId: id,
      version: z.int().min(1),
      content: RecordedLibraryContentSchema,
      by: id,
    })
    .strict(),
  'dissemination.library.item-withdrawn': z.object({ itemId: id, reason, by: id }).strict(),
  /** The release of an OFFICIAL-SENSITIVE version to the named national bodies, and why. */
  'dissemination.library.item-released': z
    .object({
      itemId: id,
      version: z.int().min(1),
      targetIds: z.array(TargetIdSchema).min(1),
      justification: reason,
      by: id,
    })
    .strict(),
  'dissemination.delivery.scheduled': z
    .object({
      deliveryId: id,
      itemId: id,
      version: z.int().min(1),
      targetId: TargetIdSchema,
      /** Sent with every attempt: the target keeps one copy per key. */
      idempotencyKey: id,
    })
    .strict(),
  'dissemination.delivery.sent': z.object({ deliveryId: id, attempt, httpStatus }).strict(),
  'dissemination.delivery.acknowledged': z
    .object({ deliveryId: id, attempt, httpStatus, reference: z.string().max(500).optional() })
    .strict(),
  'dissemination.delivery.attempt-failed': z
    .object({
      deliveryId: id,
      attempt,
      httpStatus: httpStatus.nullable(),
      error: z.string().min(1).max(2_000),
      /** When the next attempt is due; null when the target refused it or attempts ran out. */
      retryAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .strict(),
  'dissemination.delivery.retry-requested': z.object({ deliveryId: id, by: id }).strict(),
  'dissemination.master-class.scheduled': z
    .object({ masterClassId: id, masterClass: MasterClassSchema, by: id })
    .strict(),
  'dissemination.master-class.registered': z.object({ masterClassId: id, personId: id }).strict(),
  'dissemination.master-class.waitlisted': z.object({ masterClassId: id, personId: id }).strict(),
  'dissemination.master-class.registration-cancelled': z
    .object({ masterClassId: id, personId: id })
    .strict(),
  /** A place freed up: the first on the waiting list is registered. */
  'dissemination.master-class.promoted': z.object({ masterClassId: id, personId: id }).strict(),
  'dissemination.master-class.cancelled': z.object({ masterClassId: id, reason, by: id }).strict(),
  /**
   * A partner organisation's identity takes a place on a master class open to partners: the
   * place is the organisation's (it names no person), and so are the four events after it.
   */
  'dissemination.master-class.partner-booked': partnerPlace,
  'dissemination.master-class.partner-waitlisted': partnerPlace,
  'dissemination.master-class.partner-booking-cancelled': partnerPlace,
  /** A place freed up and the first waiting is a partner organisation: it takes the place. */
  'dissemination.master-class.partner-promoted': partnerPlace,
  /**
   * The organisers record that a partner organisation attended: counted for the master class,
   * never a person's training (the community takes only `dissemination.attendance.recorded`).
   */
  'dissemination.master-class.partner-attended': partnerPlace,
  [ATTENDANCE_RECORDED]: AttendanceRecordedSchema,
  'dissemination.network.created': z
    .object({ networkId: id, network: LearningNetworkSchema, by: id })
    .strict(),
  'dissemination.network.joined': z.object({ networkId: id, personId: id }).strict(),
  'dissemination.network.left': z.object({ networkId: id, personId: id }).strict(),
  'dissemination.network.learning-shared': z
    .object({ networkId: id, postId: id, personId: id, post: LearningPostSchema })
    .strict(),
  /** A member of staff starts a thread of the 'What Works' forum with its opening post. */
  'dissemination.forum.thread-started': z
    .object({ threadId: id, personId: id, thread: RecordedForumThreadSchema })
    .strict(),
  'dissemination.forum.replied': z
    .object({ threadId: id, replyId: id, personId: id, reply: ForumReplySchema })
    .strict(),
  /** A post (the opening post's id is its thread's) is reported to the moderators, and why. */
  'dissemination.forum.post-reported': moderation,
  'dissemination.forum.post-hidden': moderation,
  'dissemination.forum.post-restored': moderation,
  /** A course is recorded: who provides it, for whom, and the parts it teaches. */
  'dissemination.course.registered': z.object({ courseId: id, course: CourseSchema }).strict(),
  /** Its details or parts change; evidence cited for parts it no longer has goes with them. */
  'dissemination.course.revised': z.object({ courseId: id, course: CourseSchema }).strict(),
  /**
   * A published library item is cited for a part. The item's classification is recorded so the
   * course's events are labelled as sensitive as the most sensitive item it cites.
   */
  'dissemination.course.evidence-linked': z
    .object({ courseId: id, link: CourseEvidenceLinkSchema, classification: ClassificationSchema })
    .strict(),
  'dissemination.course.evidence-unlinked': z
    .object({ courseId: id, partId: id, itemId: id, reason: CourseReasonSchema })
    .strict(),
  'dissemination.course.retired': z.object({ courseId: id, reason: CourseReasonSchema }).strict(),
  'dissemination.subscription.set': z
    .object({
      personId: id,
      topics: z.array(z.string()).max(50),
      crimeProblems: z.array(z.string()).max(50),
    })
    .strict(),
  /**
   * The subscriber asks for their digest by e-mail: the address and the unsubscribe token are
   * sealed under their key (decision 0037); the token's SHA-256 finds the subscription from a link.
   */
  'dissemination.subscription.email-started': z
    .object({
      personId: id,
      address: DigestEmailSchema.shape.address,
      unsubscribeToken: z.string().min(32).max(100),
      unsubscribeTokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  'dissemination.subscription.email-stopped': z
    .object({ personId: id, via: DigestStopSchema })
    .strict(),
  /** At most one digest per subscriber and period: the items it carries, published in [since, until). */
  'dissemination.digest.scheduled': z
    .object({
      digestId: id,
      personId: id,
      period: z.string().min(1).max(40),
      itemIds: z.array(id).min(1).max(100),
      since: z.iso.datetime({ offset: true }),
      until: z.iso.datetime({ offset: true }),
    })
    .strict(),
  /** An instance claims the next attempt before it sends, so no two instances send one digest. */
  'dissemination.digest.attempt-started': z.object({ digestId: id, attempt }).strict(),
  'dissemination.digest.sent': z.object({ digestId: id, attempt }).strict(),
  'dissemination.digest.attempt-failed': z
    .object({
      digestId: id,
      attempt,
      /** The SMTP reply code or the connection error's code: never the server's text. */
      error: z.string().min(1).max(200),
      retryAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .strict(),
  /** Not sent: the subscriber stopped their e-mails, or nothing in it is theirs to read any more. */
  'dissemination.digest.cancelled': z
    .object({ digestId: id, reason: z.enum(['unsubscribed', 'nothing_readable']) })
    .strict(),
} as const;

export type DisseminationEventType = keyof typeof disseminationEventData;
export type DisseminationEventData<Type extends DisseminationEventType> = z.infer<
  (typeof disseminationEventData)[Type]
>;

export const disseminationEventContracts = defineEvents(disseminationEventData);
