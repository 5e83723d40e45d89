import { useRef } from 'react';

/**
 * The last answer a query gave, kept on screen while the same page asks again with new variables
 * (a facet ticked, the next page): without it the page would drop its controls until the answer
 * came, and the control just used would vanish under the reader's pointer.
 */
export function useShownWhileFetching<Data>(
  data: Data | undefined,
  fetching: boolean,
): Data | undefined {
  const last = useRef<Data | undefined>(data);
  if (data !== undefined) last.current = data;
  return data ?? (fetching ? last.current : undefined);
}
