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
    version: Int!
    type: String!
    at: String!
    actorKind: String!
    actorId: ID!
    why: String
    changedFields: [String!]!
    data: JSON!
  }`;
}
