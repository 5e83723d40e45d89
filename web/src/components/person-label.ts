/** What the page knows of a person it names: their name if the community shows it, else less. */
export interface KnownPerson {
  readonly status: 'active' | 'erased';
  readonly name?: string | null;
  readonly unit?: string | null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * How the page names a person: their name where the reader may see it; otherwise the role they
 * had here and their unit, so the reader still learns who acted in what capacity (issue 21).
 * `role` is the part they played on this page ('lead', 'reviewer'); unknown people are named by
 * it alone, never by their id.
 */
export function personLabel(person: KnownPerson | null | undefined, role?: string): string {
  const part = role ? capitalised(role) : 'A member of staff';
  if (!person) return part;
  if (person.status === 'erased') return `${part} (their record was erased)`;
  if (person.name) return person.name;
  return person.unit ? `${part}, ${person.unit}` : part;
}
