import { dissemination, parseContract } from '@ebp/contracts';
import { COMMUNITY_CLASSIFICATION } from '../../access/community-classification';
import type { PersonCommands } from '../person.handler';
import { PersonNotFound } from '../person.errors';

/** A dissemination event as it arrives from the bus: envelope fields the reaction needs. */
export interface DisseminationEventSeen {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly recordedAt: string; readonly correlationId: string };
}

/**
 * A policy: attendance at an EBP course or master class, published by the dissemination service,
 * is recorded as the person's training. Redelivery stores nothing new (the decider records each
 * activity once, and the command id derives from the event id). Attendance of someone not in the
 * talent pool, or erased, is not training to record. A partner organisation's attendance is
 * another event (`dissemination.master-class.partner-attended`, decision 0039): it is the
 * organisation's, never a person's training, so it is ignored here whatever its id equals.
 */
export async function recordAttendanceAsTraining(
  event: DisseminationEventSeen,
  people: PersonCommands,
): Promise<'recorded' | 'ignored'> {
  if (event.type !== dissemination.ATTENDANCE_RECORDED) return 'ignored';
  const attendance = parseContract(
    'dissemination.attendance.recorded',
    dissemination.AttendanceRecordedSchema,
    event.data,
  );
  try {
    await people.execute(
      attendance.personId,
      {
        type: 'record-training',
        activityId: attendance.activityId,
        title: attendance.title,
        kind: attendance.kind,
        attendedOn: attendance.attendedOn,
      },
      {
        commandId: event.id,
        actor: { kind: 'service', id: 'dissemination' },
        now: new Date(event.metadata.recordedAt),
        classification: COMMUNITY_CLASSIFICATION,
        correlationId: event.metadata.correlationId,
        causationId: event.id,
      },
    );
    return 'recorded';
  } catch (error) {
    if (error instanceof PersonNotFound) return 'ignored';
    throw error;
  }
}
