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

/**
 * Every upcaster of the platform's events. Empty until an event type gets its second version;
 * services pass this list to their event store.
 */
export const upcasters: readonly Upcaster[] = [];
