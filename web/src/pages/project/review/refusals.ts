import type { CombinedError } from 'urql';

/**
 * The register refuses reviews and decisions with a code but no field path, so each form says
 * which of its parts a code is about: the message then shows beside that part. Codes a form does
 * not place are left for the form's alert.
 */
export function refusalsByCode<Part extends string>(
  error: CombinedError | undefined,
  partFor: Readonly<Record<string, Part>>,
): Map<Part, string> {
  const placed = new Map<Part, string>();
  for (const graphError of error?.graphQLErrors ?? []) {
    const code = graphError.extensions?.code;
    const part = typeof code === 'string' ? partFor[code] : undefined;
    if (part !== undefined && !placed.has(part)) placed.set(part, graphError.message);
  }
  return placed;
}
