import DataLoader from 'dataloader';
import { useEffect, useState } from 'react';
import { useClient, type Client } from 'urql';
import { useSession } from '../auth/session';
import { PeopleNamesDocument } from '../graphql/generated';
import { isPartner } from '../pages/master-classes/audience';
import { personLabel, type KnownPerson } from './person-label';

/** The most ids the community names in one request (its `people` query's limit). */
const NAMES_PER_REQUEST = 100;

/**
 * One loader per graph client (so per signed-in user): every name a page renders in the same
 * tick is asked for in one request, and a name once read is not asked for again.
 */
const loaders = new WeakMap<Client, DataLoader<string, KnownPerson | null>>();

function namesOf(client: Client): DataLoader<string, KnownPerson | null> {
  let loader = loaders.get(client);
  if (!loader) {
    loader = new DataLoader(
      async (ids) => {
        const result = await client.query(PeopleNamesDocument, { ids: [...ids] }).toPromise();
        if (result.error || !result.data) throw result.error ?? new Error('no names returned');
        return result.data.people;
      },
      { maxBatchSize: NAMES_PER_REQUEST },
    );
    loaders.set(client, loader);
  }
  return loader;
}

/**
 * A person as the page names them: their name where the community lets the reader see it, or
 * the part they played and their unit where it does not (issue 21). Never their id. A partner
 * reads no member of staff's data, so it sees the part alone without asking.
 */
export function PersonName({ id, role }: { readonly id: string; readonly role?: string }) {
  const client = useClient();
  const { session } = useSession();
  const asks = !isPartner(session);
  const [person, setPerson] = useState<KnownPerson | null | undefined>(undefined);
  useEffect(() => {
    if (!asks) return;
    let current = true;
    const names = namesOf(client);
    names.load(id).then(
      (found) => current && setPerson(found),
      () => {
        // A failed read is not remembered: the next page to name them asks again.
        names.clear(id);
        if (current) setPerson(null);
      },
    );
    return () => {
      current = false;
    };
  }, [client, id, asks]);
  return <span className="person-name">{personLabel(person, role)}</span>;
}
