import { z } from 'zod';
import { JustificationSchema, PlanYearSchema } from './programme';

/**
 * Committee business (issue 20): meetings of the EBP Committee and the EBP Steering Group, with an
 * agenda built from the proposals awaiting decision and the plan's business, papers, the project
 * decisions taken in the meeting, actions, and minutes published once a later meeting of the same
 * body approves them.
 */

const personId = z.string().min(1).max(100).describe('A person (id).');
const id = z.string().min(1).max(100);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Which body meets. */
export const MeetingBodySchema = z
  .enum(['ebp_committee', 'steering_group'])
  .describe('Which body meets: the EBP Committee or the EBP Steering Group.');
export type MeetingBody = z.infer<typeof MeetingBodySchema>;

/** Where a meeting stands. */
export const MeetingStatusSchema = z
  .enum(['scheduled', 'in_session', 'held', 'cancelled'])
  .describe(
    'Where a meeting stands: scheduled, in session (decisions and actions are taken), held (closed), or cancelled.',
  );
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/**
 * One item of business. A proposal's item is the project's id, so it follows the project's
 * need-to-know rule; a plan's item is the year; any other business has a title.
 */
export const AgendaItemSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('proposal'), projectId: id }).strict(),
    z.object({ kind: z.literal('plan'), year: PlanYearSchema }).strict(),
    z
      .object({
        kind: z.literal('milestone'),
        workstreamId: id,
        milestoneId: id,
      })
      .strict(),
    z.object({ kind: z.literal('other'), title: text(3, 300) }).strict(),
  ])
  .describe(
    'An item of business: a proposal awaiting decision, a year’s Research Plan, an overdue milestone of the programme, or other business.',
  );
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** One item of business as a form sends it: exactly one of its fields (see AgendaItemSchema). */
export const AgendaItemChoiceSchema = z
  .object({
    projectId: id.optional().describe('A proposal awaiting decision (the project’s id).'),
    planYear: PlanYearSchema.optional().describe('A year’s Research Plan.'),
    workstreamId: id.optional().describe('A milestone’s work stream (with milestoneId).'),
    milestoneId: id.optional().describe('A milestone (with workstreamId).'),
    otherBusiness: text(3, 300).optional().describe('Other business: its title.'),
  })
  .strict()
  .describe(
    'One item of business to add: exactly one of a proposal, a plan’s year, a milestone, or other business.',
  );

/** The id an agenda item is known by within its meeting: stable, derived from what it is about. */
export function agendaItemKey(item: AgendaItem, otherNumber?: number): string {
  switch (item.kind) {
    case 'proposal':
      return `proposal:${item.projectId}`;
    case 'plan':
      return `plan:${item.year}`;
    case 'milestone':
      return `milestone:${item.workstreamId}:${item.milestoneId}`;
    case 'other':
      return `other:${otherNumber ?? 0}`;
  }
}

/** How many items of other business one meeting may take (the other kinds are listed once each). */
export const MAX_OTHER_BUSINESS = 200;

/** A paper for an item: a library item or any other document, by reference. */
export const MeetingPaperSchema = z
  .object({
    title: text(3, 300).describe('The paper’s title.'),
    href: z
      .string()
      .trim()
      .max(2_000)
      .regex(
        /^(https:\/\/\S+|\/library\/[A-Za-z0-9-]{1,100})$/,
        'an https address or /library/<id>',
      )
      .describe(
        'Where the paper is: an https address, or /library/<id> for an item of the Research and Learning Library.',
      ),
  })
  .strict()
  .describe('A paper for an item of business, by reference.');
export type MeetingPaper = z.infer<typeof MeetingPaperSchema>;

export const MeetingActionSchema = z
  .object({
    description: text(5, 2_000).describe('What is to be done.'),
    ownerId: personId.describe('Who is to do it (a person id).'),
    dueOn: z.iso.date().describe('By when (YYYY-MM-DD).'),
  })
  .strict()
  .describe('An action agreed in a meeting: what, whose, by when.');
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

export const MinuteNoteSchema = z
  .object({
    agendaItemId: id.describe('The item of business the note is about.'),
    note: text(3, 5_000).describe('What was said and agreed on the item.'),
  })
  .strict()
  .describe('A note in the minutes on one item of business.');

export const MinutesSchema = z
  .object({
    summary: text(10, 10_000).describe('The minutes of the meeting as a whole.'),
    notes: z
      // One note per item of the agenda, so bounded by it; no count here includes notes a
      // redrafter may not see (decision 0036).
      .array(MinuteNoteSchema)
      .refine(
        (notes) => new Set(notes.map((n) => n.agendaItemId)).size === notes.length,
        'one note per item',
      )
      .describe(
        'Notes on items of business, each seen only by those who may see the item (a proposal’s by its need-to-know).',
      ),
  })
  .strict()
  .describe('The minutes: a summary, and notes on items of business.');
export type Minutes = z.infer<typeof MinutesSchema>;

const agendaEntry = z
  .object({ agendaItemId: id, item: AgendaItemSchema })
  .strict()
  .describe('An item of business with its id in the meeting.');

export const meetingEventData = {
  /** The agenda is built from the business waiting when the meeting is called. */
  'register.meeting.scheduled': z
    .object({
      meetingId: id,
      body: MeetingBodySchema,
      title: text(3, 300),
      heldOn: z.iso.date(),
      // Bounded by what it can list: each proposal, plan and milestone once, and other business
      // up to MAX_OTHER_BUSINESS; no limit counts items a reader may not see.
      agenda: z.array(agendaEntry),
      by: personId,
    })
    .strict(),
  'register.meeting.agenda-item-added': z
    .object({ meetingId: id, agendaItemId: id, item: AgendaItemSchema, by: personId })
    .strict(),
  'register.meeting.paper-attached': z
    .object({
      meetingId: id,
      agendaItemId: id,
      paperId: id,
      paper: MeetingPaperSchema,
      by: personId,
    })
    .strict(),
  'register.meeting.opened': z
    .object({ meetingId: id, by: personId, at: z.iso.datetime().describe('When it opened.') })
    .strict(),
  'register.meeting.action-recorded': z
    .object({
      meetingId: id,
      actionId: id,
      agendaItemId: id.optional(),
      action: MeetingActionSchema,
      by: personId,
    })
    .strict(),
  'register.meeting.action-completed': z
    .object({ meetingId: id, actionId: id, note: text(3, 2_000), by: personId })
    .strict(),
  'register.meeting.closed': z
    .object({ meetingId: id, by: personId, at: z.iso.datetime().describe('When it closed.') })
    .strict(),
  'register.meeting.cancelled': z
    .object({ meetingId: id, reason: JustificationSchema, by: personId })
    .strict(),
  /** Drafted (and redrafted) after the meeting closes, until a later meeting approves them. */
  'register.meeting.minutes-drafted': z
    .object({ meetingId: id, minutes: MinutesSchema, by: personId })
    .strict(),
  /** Approved in a later meeting of the same body while it sits: the minutes are then published. */
  'register.meeting.minutes-approved': z
    .object({ meetingId: id, approvedIn: id, by: personId })
    .strict(),
} as const;

export type MeetingEventType = keyof typeof meetingEventData;
export type MeetingEventData<Type extends MeetingEventType> = z.infer<
  (typeof meetingEventData)[Type]
>;
