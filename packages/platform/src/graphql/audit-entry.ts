/** An audit entry as every subgraph's `…AuditEntry` type shows it: the actor flattened. */
export function toGraphAuditEntry<
  Entry extends { readonly actor: { readonly kind: string; readonly id: string } },
>(entry: Entry): Entry & { readonly actorKind: string; readonly actorId: string } {
  return { ...entry, actorKind: entry.actor.kind, actorId: entry.actor.id };
}
