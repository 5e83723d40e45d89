import { z } from 'zod';
import { defineEvent } from '../envelope';

/**
 * What the dissemination service publishes when someone attends an EBP course or master class;
 * the community service records it as training.
 */
export const AttendanceRecordedSchema = z
  .object({
    activityId: z.string().min(1).max(100),
    title: z.string().min(2).max(300),
    kind: z.enum(['course', 'master_class']),
    attendedOn: z.iso.date(),
    personId: z.string().min(1).max(100),
  })
  .strict();

export const ATTENDANCE_RECORDED = 'dissemination.attendance.recorded';
export const attendanceRecorded = defineEvent(ATTENDANCE_RECORDED, 2, AttendanceRecordedSchema);
