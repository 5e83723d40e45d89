import { loaderKind, requestLoader, type RequestContext } from '@ebp/platform';
import type { RegisterApplication } from '../application/register-application';
import type { PrioritySummary } from '../priorities/projections/priority-summary.projection';

/** The research priorities one request asks about, read together. */
const PRIORITIES = loaderKind<string, PrioritySummary | undefined>('register.priorities');

/** A research priority through the request's loader (the Research Plan is OFFICIAL). */
export function priorityById(
  register: RegisterApplication,
  context: RequestContext,
  priorityId: string,
): Promise<PrioritySummary | undefined> {
  return requestLoader(context, PRIORITIES, async (ids) => {
    const found = await register.prioritiesByIds(ids);
    return ids.map((id) => found.get(id));
  }).load(priorityId);
}
