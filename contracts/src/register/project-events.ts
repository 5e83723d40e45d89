import { z } from 'zod';
import { EntityAudienceSchema } from '../access';
import { defineEvents } from '../envelope';
import {
  FindingsSchema,
  ProjectProposalSchema,
  QaChecklistSchema,
  ReviewVerdictSchema,
} from './project';

const reason = z.string().trim().min(10).max(5_000);
const personId = z.string().min(1).max(100);

/**
 * A committee decision on a proposal. Version 2 (issue 20) may name the meeting it was taken in;
 * decisions kept at version 1 were taken outside any recorded meeting.
 */
const CommitteeDecisionTakenSchema = z
  .object({
    decidedBy: personId,
    reasons: reason,
    meetingId: z.string().min(1).max(100).optional(),
  })
  .strict();

/** Field-by-field record of an amendment: what each changed field was and became. */
const FieldChangeSchema = z.object({ from: z.unknown(), to: z.unknown() }).strict();

export const projectEventData = {
  'register.project.proposed': z
    .object({
      projectId: z.string().min(1).max(100),
      proposal: ProjectProposalSchema,
      proposedBy: personId,
    })
    .strict(),
  'register.project.submitted': z.object({ submittedBy: personId }).strict(),
  'register.project.review-recorded': z
    .object({
      reviewerId: personId,
      verdict: ReviewVerdictSchema,
      checklist: QaChecklistSchema,
      comments: z.string().min(1).max(10_000),
    })
    .strict(),
  'register.project.approved': CommitteeDecisionTakenSchema,
  'register.project.rejected': CommitteeDecisionTakenSchema,
  'register.project.deferred': CommitteeDecisionTakenSchema,
  'register.project.started': z.object({ startedBy: personId, startedOn: z.iso.date() }).strict(),
  'register.project.progress-reported': z
    .object({ reportedBy: personId, summary: z.string().min(10).max(10_000) })
    .strict(),
  'register.project.suspended': z.object({ by: personId, reason }).strict(),
  'register.project.resumed': z.object({ by: personId }).strict(),
  'register.project.stopped': z.object({ by: personId, reason }).strict(),
  'register.project.completed': z
    .object({
      by: personId,
      findings: FindingsSchema,
      /** Reported primary outcomes that differ from the pre-registered ones (DESIGN.md §6). */
      outcomeSwitching: z
        .object({ notReported: z.array(z.string()), notPreRegistered: z.array(z.string()) })
        .strict()
        .nullable(),
    })
    .strict(),
  'register.project.withdrawn': z.object({ by: personId, reason }).strict(),
  'register.project.amended': z
    .object({
      by: personId,
      justification: reason,
      changes: z.record(z.string(), FieldChangeSchema),
      /** True when pre-registered outcomes changed after approval: never silent. */
      outcomesChangedAfterApproval: z.boolean(),
    })
    .strict(),
  /**
   * A partner's outcome for the project, published by the partners service after moderation:
   * reported outcomes on the register's record. Once per submission.
   */
  'register.project.partner-outcome-reported': z
    .object({
      submissionId: z.string().min(1).max(200),
      organisationId: z.string().min(1).max(100),
      kind: z.enum(['findings', 'publication', 'dataset', 'presentation']),
      title: z.string().min(2).max(500),
      doi: z.string().max(300).optional(),
      url: z.string().max(2000).optional(),
      publishedOn: z.iso.date(),
    })
    .strict(),
  /**
   * A partner organisation started working on the project (the partners service's collaboration):
   * its identities may now read the project (decision 0019). Once per organisation while it works on it.
   */
  'register.project.partner-joined': z
    .object({ organisationId: z.string().min(1).max(100), since: z.iso.date() })
    .strict(),
  /** The organisation's last collaboration on the project ended. */
  'register.project.partner-left': z
    .object({ organisationId: z.string().min(1).max(100), on: z.iso.date() })
    .strict(),
  /**
   * Who may now see the project (decision 0019): its classification and reader keys, whole,
   * after any change to them. Services that hold references to projects keep the latest one and
   * apply the shared access predicate to it. `entityId` is the project's id.
   */
  'register.project.audience-changed': EntityAudienceSchema,
} as const;

export type ProjectEventType = keyof typeof projectEventData;
export type ProjectEventData<Type extends ProjectEventType> = z.infer<
  (typeof projectEventData)[Type]
>;

/** The full envelope contract (version 1) of every project event, for the bus and the catalogue. */
export const projectEventContracts = defineEvents(projectEventData);
