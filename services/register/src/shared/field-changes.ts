/** What an amendment records of each field it changed. */
export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

/** The fields among `fields` whose value differs between `before` and `after`, with both values. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
): Record<string, FieldChange> {
  return Object.fromEntries(
    fields
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => [field, { from: before[field], to: after[field] }]),
  );
}

/** The new values of an amendment's changed fields, to merge into the amended record. */
export function newValues(changes: Readonly<Record<string, FieldChange>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
}
