import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  LibraryItemEditorialDocument,
  PublishLibraryItemDocument,
  ReleaseLibraryItemDocument,
  RetryDeliveryDocument,
  ReviseLibraryItemDocument,
  WithdrawLibraryItemDocument,
  type LibraryDeliveryFieldsFragment,
  type LibraryItemEditorialQuery,
  type LibraryWorkingCopyFragment,
} from '../../graphql/generated';
import { hasRole, useSession } from '../../auth/session';
import { TextAreaField } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { ErrorMessage, FormProblem, Loading } from '../../components/Status';
import { formatDateTime } from '../../format/dates';
import { ContentFields, placedContentIssue } from './ContentFields';
import { contentFormOf, contentOf, type ContentForm } from './content';
import { PersonName } from '../../components/PersonName';

/** Who may release an OFFICIAL-SENSITIVE version to national bodies (the service decides). */
export const LIBRARY_RELEASERS = ['committee', 'admin'] as const;

/** How often the page looks again while a delivery is still on its way. */
const DELIVERY_POLL_MS = 2_000;

type EditorialItem = NonNullable<LibraryItemEditorialQuery['libraryItem']>;
type Target = LibraryItemEditorialQuery['disseminationTargets'][number];

/** Deliveries that will change without anyone acting: the page keeps looking while there are. */
const onTheWay = (deliveries: readonly LibraryDeliveryFieldsFragment[]) =>
  deliveries.some((delivery) => delivery.status === 'pending' || delivery.status === 'retrying');

/**
 * Editors, on an item's page: revise the working copy, publish it, withdraw the item, release an
 * OFFICIAL-SENSITIVE version (the committee and administrators), and follow each version's
 * delivery to each national body, retrying one that failed.
 */
export function EditorialPanel({
  id,
  changed,
}: {
  readonly id: string;
  readonly changed: () => void;
}) {
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LibraryItemEditorialDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const item = data?.libraryItem;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    changed();
  };
  const polling = item ? onTheWay(item.deliveries) : false;
  useEffect(() => {
    if (!polling) return undefined;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), DELIVERY_POLL_MS);
    return () => clearTimeout(timer);
  }, [polling, data, refetch]);
  if (fetching && !data) return <Loading what="the editorial details" />;
  if (error) return <ErrorMessage error={error} />;
  if (!item?.draft) return null;
  const targets = data?.disseminationTargets ?? [];
  return (
    <section aria-labelledby="editorial" className="editorial">
      <h2 id="editorial">Editorial work</h2>
      <p role="status">
        {item.status === 'withdrawn'
          ? 'Withdrawn: readers no longer see it.'
          : item.version
            ? `Version ${item.version} is published${item.unpublishedChanges ? '; the working copy has changes not yet published' : ''}.`
            : 'A draft: not yet published.'}
      </p>
      {item.status !== 'withdrawn' && (
        <>
          <ReviseDraft id={id} copy={item.draft} revised={reload} />
          <Publish item={item} published={reload} />
        </>
      )}
      {hasRole(session, ...LIBRARY_RELEASERS) &&
        item.status === 'published' &&
        item.version &&
        item.classification === 'OFFICIAL_SENSITIVE' && (
          <Release item={item} version={item.version} targets={targets} released={reload} />
        )}
      <Deliveries
        item={item}
        targets={targets}
        refresh={() => refetch({ requestPolicy: 'network-only' })}
      />
      {item.status !== 'withdrawn' && <Withdraw id={id} withdrawn={reload} />}
    </section>
  );
}

/** The working copy's form, filled in with what it holds now. */
function ReviseDraft({
  id,
  copy,
  revised,
}: {
  readonly id: string;
  readonly copy: LibraryWorkingCopyFragment;
  readonly revised: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ContentForm>(() => contentFormOf(copy));
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const [done, setDone] = useState('');
  const [result, revise] = useMutation(ReviseLibraryItemDocument);
  const issues = local.size > 0 ? local : fieldIssues(result.error);
  const unplaced = [...issues].filter(([path]) => !placedContentIssue(path));
  const change = (name: keyof ContentForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const built = contentOf(form, copy);
    if ('issues' in built) {
      setLocal(built.issues);
      return;
    }
    setLocal(new Map());
    const outcome = await revise({ id, content: built.content });
    if (outcome.data) {
      setOpen(false);
      setDone('The working copy is saved. Publish it when it is ready.');
      revised();
    }
  };
  return (
    <section aria-labelledby="revise">
      <h3 id="revise">The working copy</h3>
      <p role="status">{done}</p>
      {!open ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setForm(contentFormOf(copy));
            setOpen(true);
          }}
        >
          Revise the working copy
        </button>
      ) : (
        <>
          <FormProblem
            error={local.size > 0 ? undefined : result.error}
            refused="The revision was not saved."
            issues={issues}
            unplaced={unplaced}
          />
          {local.size > 0 && (
            <p role="alert" className="error">
              <strong>The revision was not saved.</strong> Please correct the fields marked below.
            </p>
          )}
          <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
            <ContentFields form={form} change={change} issues={issues} />
            <div className="inline">
              <button type="submit" disabled={result.fetching}>
                Save the revision
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** The editorial decision that makes the working copy the next published version. */
function Publish({
  item,
  published,
}: {
  readonly item: EditorialItem;
  readonly published: () => void;
}) {
  const [result, publish] = useMutation(PublishLibraryItemDocument);
  const [done, setDone] = useState('');
  const next = (item.version ?? 0) + 1;
  return (
    <section aria-labelledby="publish">
      <h3 id="publish">Publish</h3>
      <p role="status">{done}</p>
      {result.error && <ErrorMessage error={result.error} />}
      {!item.unpublishedChanges ? (
        <p>The working copy is the published version {item.version}: revise it to publish again.</p>
      ) : (
        <>
          <p>
            Publishing makes the working copy version {next}: readers and ‘What Works’ search see
            it, and an OFFICIAL version goes to every national body this platform delivers to.
          </p>
          <button
            type="button"
            disabled={result.fetching}
            onClick={() =>
              void publish({ id: item.id }).then((outcome) => {
                const version = outcome.data?.publishLibraryItem.version;
                if (version) {
                  setDone(`Published version ${version}.`);
                  published();
                }
              })
            }
          >
            Publish version {next}
          </button>
        </>
      )}
    </section>
  );
}

/** Takes the item out of readers' sight, with the reason recorded. */
function Withdraw({ id, withdrawn }: { readonly id: string; readonly withdrawn: () => void }) {
  const [reason, setReason] = useState('');
  const [result, withdraw] = useMutation(WithdrawLibraryItemDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await withdraw({ id, reason });
    if (outcome.data) withdrawn();
  };
  return (
    <section aria-labelledby="withdraw">
      <h3 id="withdraw">Withdraw the item</h3>
      <FormProblem error={result.error} refused="The item was not withdrawn." issues={issues} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <TextAreaField
          label="Reason for withdrawing"
          hint="Recorded in the item's history, e.g. superseded by a later study."
          error={issues.get('reason') ?? issues.get('')}
          rows={2}
          value={reason}
          onChange={setReason}
        />
        <button type="submit" className="secondary" disabled={result.fetching}>
          Withdraw the item
        </button>
      </form>
    </section>
  );
}

/** The committee's release of an OFFICIAL-SENSITIVE version to the national bodies it names. */
function Release({
  item,
  version,
  targets,
  released,
}: {
  readonly item: EditorialItem;
  readonly version: number;
  readonly targets: readonly Target[];
  readonly released: () => void;
}) {
  const already = new Set(
    item.releases.filter((release) => release.version === version).flatMap((r) => r.targetIds),
  );
  const open = targets.filter((target) => !already.has(target.id));
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [justification, setJustification] = useState('');
  const [done, setDone] = useState('');
  const [result, release] = useMutation(ReleaseLibraryItemDocument);
  const issues = fieldIssues(result.error);
  const targetsIssue = [...issues].find(([path]) => path.startsWith('targetIds'))?.[1];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const outcome = await release({ id: item.id, version, targetIds: [...chosen], justification });
    if (outcome.data) {
      setDone(
        `Version ${version} is released to ${chosen.length} national ${chosen.length === 1 ? 'body' : 'bodies'}.`,
      );
      setChosen([]);
      setJustification('');
      released();
    }
  };
  return (
    <section aria-labelledby="release">
      <h3 id="release">Release version {version} to national bodies</h3>
      <p>
        Version {version} is OFFICIAL-SENSITIVE: it goes to a national body only once released to
        it, with the reason recorded.
      </p>
      <p role="status">{done}</p>
      <FormProblem error={result.error} refused="The version was not released." issues={issues} />
      {open.length === 0 ? (
        <p>It has been released to every national body.</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
          <fieldset
            aria-describedby={targetsIssue ? 'release-targets-error' : undefined}
            className={targetsIssue ? 'field-error' : undefined}
          >
            <legend>National bodies it may go to</legend>
            {targetsIssue && (
              <p id="release-targets-error" className="error-message">
                <span className="visually-hidden">Error: </span>
                {targetsIssue}
              </p>
            )}
            {open.map((target) => (
              <div key={target.id} className="check">
                <input
                  id={`release-${target.id}`}
                  type="checkbox"
                  checked={chosen.includes(target.id)}
                  onChange={() =>
                    setChosen((current) =>
                      current.includes(target.id)
                        ? current.filter((each) => each !== target.id)
                        : [...current, target.id],
                    )
                  }
                />
                <label htmlFor={`release-${target.id}`}>
                  {target.name}
                  {target.configured ? '' : ' (not delivered to from this platform)'}
                </label>
              </div>
            ))}
          </fieldset>
          <TextAreaField
            label="Justification"
            hint="Why these bodies may have it, e.g. the research partner's data sharing agreement."
            error={issues.get('justification')}
            rows={2}
            value={justification}
            onChange={setJustification}
          />
          <button type="submit" disabled={result.fetching}>
            Release version {version}
          </button>
        </form>
      )}
      {item.releases.length > 0 && (
        <ul className="plain">
          {item.releases.map((release) => (
            <li key={`${release.version}-${release.at}`}>
              Version {release.version} released to{' '}
              {release.targetIds
                .map(
                  (targetId) => targets.find((target) => target.id === targetId)?.name ?? targetId,
                )
                .join(', ')}{' '}
              on {formatDateTime(release.at)} by <PersonName id={release.by} role="an editor" />:{' '}
              {release.justification}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const STATUS_WORDS: Record<LibraryDeliveryFieldsFragment['status'], string> = {
  pending: 'Waiting to be sent',
  retrying: 'Retrying',
  sent: 'Sent (accepted for processing)',
  acknowledged: 'Acknowledged',
  failed: 'Failed',
};

/** Each version's delivery to each national body, with a retry for one that failed. */
function Deliveries({
  item,
  targets,
  refresh,
}: {
  readonly item: EditorialItem;
  readonly targets: readonly Target[];
  readonly refresh: () => void;
}) {
  const [result, retry] = useMutation(RetryDeliveryDocument);
  const [retried, setRetried] = useState('');
  const nameOf = (targetId: string) =>
    targets.find((target) => target.id === targetId)?.name ?? targetId;
  return (
    <section aria-labelledby="deliveries">
      <h3 id="deliveries">Deliveries to national bodies</h3>
      <p role="status">{retried}</p>
      {result.error && <ErrorMessage error={result.error} />}
      {item.deliveries.length === 0 ? (
        <p>
          {item.version === null
            ? 'Nothing has been delivered: the item is not yet published.'
            : 'No deliveries yet.'}{' '}
          {targets.every((target) => !target.configured) &&
            'This platform delivers to no national body.'}
        </p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of deliveries">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">National body</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {item.deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.version}</td>
                  <th scope="row">{nameOf(delivery.targetId)}</th>
                  <td>
                    {STATUS_WORDS[delivery.status]}
                    {delivery.reference ? ` (reference ${delivery.reference})` : ''}
                    {delivery.nextAttemptAt
                      ? `; next try ${formatDateTime(delivery.nextAttemptAt)}`
                      : ''}
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {/* The error names the answer's status where there was one. */}
                    {delivery.lastError ??
                      (delivery.lastHttpStatus ? `HTTP ${delivery.lastHttpStatus}` : '')}
                  </td>
                  <td>{formatDateTime(delivery.updatedAt)}</td>
                  <td>
                    {delivery.status === 'failed' && (
                      <button
                        type="button"
                        disabled={result.fetching}
                        onClick={() =>
                          void retry({ id: delivery.id }).then((outcome) => {
                            if (outcome.data) {
                              setRetried(
                                `Delivery of version ${delivery.version} to ${nameOf(delivery.targetId)} is being tried again.`,
                              );
                              refresh();
                            }
                          })
                        }
                      >
                        Retry
                        <span className="visually-hidden">
                          {' '}
                          delivery of version {delivery.version} to {nameOf(delivery.targetId)}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="secondary" onClick={refresh}>
        Check the deliveries again
      </button>
    </section>
  );
}
