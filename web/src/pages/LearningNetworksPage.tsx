import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  JoinLearningNetworkDocument,
  LeaveLearningNetworkDocument,
  LearningNetworksDocument,
  type LearningNetworkFieldsFragment,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { PersonName } from '../components/PersonName';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDateTime } from '../format/dates';
import { personIdOf } from './community/records';
import { CreateNetwork } from './learning-networks/CreateNetwork';
import { ShareLearning } from './learning-networks/ShareLearning';

/** Who sets up learning networks (the dissemination service decides). */
export const NETWORK_FOUNDERS = ['researcher', 'reviewer', 'committee', 'admin'] as const;

/** Local Learning Networks: areas and themes whose members share what they learned. */
export function LearningNetworksPage() {
  const { session } = useSession();
  const [networks, refetch] = useQuery({ query: LearningNetworksDocument });
  const changed = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>Local Learning Networks</h1>
      <p>
        Networks of an area or a theme: join one to share what you learned, with the library items
        behind it, and to read what its members shared.
      </p>
      <section aria-labelledby="networks">
        <h2 id="networks">Networks</h2>
        {networks.fetching && !networks.data && <Loading what="the networks" />}
        {networks.error && <ErrorMessage error={networks.error} />}
        {networks.data &&
          (networks.data.learningNetworks.length === 0 ? (
            <p>No network has been set up yet.</p>
          ) : (
            <ul className="plain">
              {networks.data.learningNetworks.map((network) => (
                <li key={network.id}>
                  <NetworkCard network={network} me={personIdOf(session)} changed={changed} />
                </li>
              ))}
            </ul>
          ))}
      </section>
      {hasRole(session, ...NETWORK_FOUNDERS) && <CreateNetwork created={changed} />}
    </>
  );
}

/** One network: what it is for, its members, joining or leaving, its posts and sharing. */
function NetworkCard({
  network,
  me,
  changed,
}: {
  readonly network: LearningNetworkFieldsFragment;
  readonly me: string | null;
  readonly changed: () => void;
}) {
  const [joining, join] = useMutation(JoinLearningNetworkDocument);
  const [leaving, leave] = useMutation(LeaveLearningNetworkDocument);
  const member = network.members.some((person) => person.id === me);
  const headingId = `network-${network.id}`;
  const problem = joining.error ?? leaving.error;
  const toggle = async () => {
    const outcome = member ? await leave({ id: network.id }) : await join({ id: network.id });
    if (outcome.data) changed();
  };
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{network.name}</h3>
      <p className="meta">
        {network.focus === 'area' ? `Area: ${network.area ?? ''}` : `Theme: ${network.theme ?? ''}`}
        {' · '}
        {network.members.length} {network.members.length === 1 ? 'member' : 'members'}
        {member ? ', you among them' : ''}
      </p>
      <p>{network.description}</p>
      {network.members.length > 0 && (
        <>
          <h4 id={`${headingId}-members`}>Members</h4>
          <ul aria-labelledby={`${headingId}-members`}>
            {network.members.map((person) => (
              <li key={person.id}>
                <PersonName id={person.id} role="member" />
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && <ErrorMessage error={problem} />}
      <button
        type="button"
        className={member ? 'secondary' : undefined}
        disabled={joining.fetching || leaving.fetching}
        onClick={() => void toggle()}
      >
        {member ? 'Leave' : 'Join'}
        <span className="visually-hidden"> {network.name}</span>
      </button>
      <h4>Learning shared</h4>
      {network.posts.length === 0 ? (
        <p>Nothing shared yet.</p>
      ) : (
        <ul className="plain">
          {network.posts.map((post) => (
            <li key={post.id}>
              <article aria-labelledby={`post-${post.id}`}>
                <h5 id={`post-${post.id}`}>{post.title}</h5>
                <p className="meta">
                  <PersonName id={post.author.id} role="member" />, {formatDateTime(post.sharedAt)}
                </p>
                <p>{post.body}</p>
                {post.items.length > 0 && (
                  <ul>
                    {post.items.map((item) => (
                      <li key={item.id}>
                        <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {member && (
        <ShareLearning networkId={network.id} networkName={network.name} shared={changed} />
      )}
    </section>
  );
}
