/** An audit entry as every subgraph's `…AuditEntry` type shows it: the actor flattened. */
export function toGraphAuditEntry<
  Entry extends { readonly actor: { readonly kind: string; readonly id: string } },
>(entry: Entry): Entry & { readonly actorKind: string; readonly actorId: string } {
  return { ...entry, actorKind: entry.actor.kind, actorId: entry.actor.id };
}

/**
 * The SDL of a subgraph's audit entry type. Each subgraph names its own (a type shared across
 * subgraphs would have to be declared shareable everywhere), with the same fields.
 */
export function auditEntryTypeDefs(typeName: string): string {
  return `"One change to a record: who made it, when, what and why."
  type ${typeName} {
    "The record's stream version this change made."
    version: Int!
    "The event's type (see the event catalogue)."
    type: String!
    "When it was recorded (ISO 8601)."
    at: String!
    "What kind of actor made it: person, service, partner or system."
    actorKind: String!
    "The actor's id."
    actorId: ID!
    "The reason given, where the change needs one."
    why: String
    "The fields of the record the change touched."
    changedFields: [String!]!
    "The event's own data, as the event catalogue describes it for its type: opaque to the graph."
    data: JSON!
  }`;
}
