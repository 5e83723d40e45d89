import type { z } from 'zod';
import * as community from './community';
import * as dissemination from './dissemination';
import * as partners from './partners';
import * as register from './register';
import {
  MEETING_LINKED_EVENT_TYPES,
  OPEN_TO_PARTNERS_EVENT_TYPES,
  RESPELLED_EVENT_TYPES,
  RETAGGED_EVENT_TYPES,
  respellEnumValues,
} from './respelling';

/**
 * Lifts one event type's data from one schema version to the next. Upcasters are pure and live
 * here, beside the schemas they translate between; the event store applies them on read, so
 * stored events are never rewritten. A new shape is always a new version, never an edit.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: Record<string, unknown>) => Record<string, unknown>;
}

const EVENT_DATA: Readonly<Record<string, z.ZodType>> = {
  ...register.projectEventData,
  ...register.priorityEventData,
  ...register.programmeEventData,
  ...register.meetingEventData,
  ...community.communityEventData,
  ...partners.partnersEventData,
  ...dissemination.disseminationEventData,
};

type Data = Record<string, unknown>;

/**
 * An amendment keeps each changed field's old and new value untyped (`changes` is a record), so
 * its values are respelt by the proposal field they belong to.
 */
function respellAmendment(data: Data): Data {
  const fields = register.ProjectProposalSchema.shape as Record<string, z.ZodType>;
  const changes = data['changes'];
  if (typeof changes !== 'object' || changes === null) return data;
  return {
    ...data,
    changes: Object.fromEntries(
      Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>).map(
        ([field, change]) => {
          const schema = fields[field];
          if (!schema) return [field, change];
          return [
            field,
            {
              ...change,
              from: respellEnumValues(schema, change.from),
              to: respellEnumValues(schema, change.to),
            },
          ];
        },
      ),
    ),
  };
}

/** How each respelt type's data is lifted: by its schema, or (amendments) by the proposal's. */
function respellerOf(type: string): (data: Data) => Data {
  if (type === 'register.project.amended') return respellAmendment;
  const schema = EVENT_DATA[type];
  if (!schema) throw new Error(`No data schema for the respelt event type ${type}`);
  return (data) => respellEnumValues(schema, data) as Data;
}

const RESPELLERS = new Map([...RESPELLED_EVENT_TYPES].map((type) => [type, respellerOf(type)]));

/**
 * Version 2 → 3 of the library's item events: the content's tags gained research methods and
 * topics, which nothing stored before named.
 */
function withMethodsAndTopics(data: Data): Data {
  const content = data['content'];
  if (typeof content !== 'object' || content === null) return data;
  const tags = (content as Data)['tags'];
  // Absent tags are all left to the contract's default.
  if (typeof tags !== 'object' || tags === null) return data;
  return { ...data, content: { ...content, tags: { methods: [], topics: [], ...tags } } };
}

/**
 * Version 2 → 3 of a scheduled master class: it gained `openToPartners`, and one scheduled before
 * was for staff only.
 */
function closedToPartners(data: Data): Data {
  const masterClass = data['masterClass'];
  if (typeof masterClass !== 'object' || masterClass === null) return data;
  return { ...data, masterClass: { openToPartners: false, ...masterClass } };
}

/** Every upcaster of the platform's events; services pass this list to their event store. */
export const upcasters: readonly Upcaster[] = [
  ...[...RESPELLERS].map(([type, upcast]) => ({ type, fromVersion: 1, upcast })),
  ...[...RETAGGED_EVENT_TYPES].map((type) => ({
    type,
    fromVersion: 2,
    upcast: withMethodsAndTopics,
  })),
  ...[...OPEN_TO_PARTNERS_EVENT_TYPES].map((type) => ({
    type,
    fromVersion: 2,
    upcast: closedToPartners,
  })),
  // A decision kept at version 1 was taken outside any recorded meeting: its data stands as it is.
  ...[...MEETING_LINKED_EVENT_TYPES].map((type) => ({
    type,
    fromVersion: 1,
    upcast: (data: Data) => data,
  })),
];

/**
 * An event's data with its enumerated values in the current spelling, whatever version it was
 * kept at (respelling is idempotent): for copies kept without their version, such as a service's
 * archive of other services' events.
 */
export function respellEventData(type: string, data: Data): Data {
  return RESPELLERS.get(type)?.(data) ?? data;
}
