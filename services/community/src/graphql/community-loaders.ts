import { loaderKind, requestLoader, type Identity, type RequestContext } from '@ebp/platform';
import type { CommunityApplication } from '../application/community-application';
import type { PersonEntry } from '../people/projections/person-directory.projection';

/** The directory entries of the people one request asks about, as the caller may see them. */
const ENTRIES = loaderKind<string, PersonEntry | undefined>('community.entries');

/** A person's directory entry through the request's loader: one read for all the people asked. */
export function entryOf(
  community: CommunityApplication,
  identity: Identity,
  context: RequestContext,
  personId: string,
): Promise<PersonEntry | undefined> {
  return requestLoader(context, ENTRIES, async (personIds) => {
    const entries = await community.entries(identity, personIds);
    return personIds.map((id) => entries.get(id));
  }).load(personId);
}
