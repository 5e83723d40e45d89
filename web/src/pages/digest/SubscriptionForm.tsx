import { useId, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import {
  SubscribeDocument,
  type DigestSubscriptionFieldsFragment,
  type DigestTermFieldsFragment,
} from '../../graphql/generated';
import { FieldSet } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { FormProblem } from '../../components/Status';
import { identitiesOf, termGroups, textsChosen, type DigestFacet, type TermGroup } from './terms';

/** The vocabularies the form offers terms of, for each list. */
export interface OfferedTerms {
  readonly topics: readonly DigestTermFieldsFragment[];
  readonly crimeProblems: readonly DigestTermFieldsFragment[];
}

export const isUnchanged = (error: CombinedError | undefined) =>
  error?.graphQLErrors.some((each) => each.extensions?.code === 'NOTHING_CHANGED') ?? false;

/** Sets the topics and crime problems the caller's digest covers, by ticking vocabulary terms. */
export function SubscriptionForm({
  subscription,
  offered,
  saved,
}: {
  readonly subscription: DigestSubscriptionFieldsFragment;
  readonly offered: OfferedTerms;
  readonly saved: () => void;
}) {
  // The subscription as last saved: its unlisted terms stay offered until they are saved away.
  const [kept, setKept] = useState(subscription);
  const [topics, setTopics] = useState(() => identitiesOf('topics', subscription.topics));
  const [crimeProblems, setCrimeProblems] = useState(() =>
    identitiesOf('crimeProblems', subscription.crimeProblems),
  );
  const [sent, setSent] = useState<Record<DigestFacet, readonly string[]>>({
    topics: [],
    crimeProblems: [],
  });
  const [done, setDone] = useState('');
  const [result, subscribe] = useMutation(SubscribeDocument);
  const unchanged = isUnchanged(result.error);
  const issues = fieldIssues(result.error);
  const topicGroups = termGroups('topics', offered.topics, kept.topics);
  const crimeProblemGroups = termGroups('crimeProblems', offered.crimeProblems, kept.crimeProblems);
  // An issue about one entry (topics[2]) names the term it is about; the boxes have no path.
  const issueOf = (facet: DigestFacet) =>
    [...issues]
      .filter(([path]) => path === facet || path.startsWith(`${facet}[`))
      .map(([path, message]) => {
        const index = /\[(\d+)\]$/.exec(path)?.[1];
        const text = index === undefined ? undefined : sent[facet][Number(index)];
        return text === undefined ? message : `${text}: ${message}`;
      })
      .join('; ');
  const unplaced = [...issues].filter(([path]) => !/^(topics|crimeProblems)(\[\d+\])?$/.test(path));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const chosen = {
      topics: textsChosen(topicGroups, topics),
      crimeProblems: textsChosen(crimeProblemGroups, crimeProblems),
    };
    setSent(chosen);
    const outcome = await subscribe({ subscription: chosen });
    const now = outcome.data?.subscribe.subscription;
    if (now) {
      setKept(now);
      setTopics(identitiesOf('topics', now.topics));
      setCrimeProblems(identitiesOf('crimeProblems', now.crimeProblems));
      setDone('Saved: your digest covers what is ticked.');
      saved();
    }
  };
  return (
    <section aria-labelledby="digest-choose">
      <h2 id="digest-choose">Choose what it covers</h2>
      <p role="status">
        {done || (unchanged ? 'Nothing changed: your digest already covers what is ticked.' : '')}
      </p>
      {!unchanged && (
        <FormProblem
          error={result.error}
          refused="Your choice could not be saved."
          issues={issues}
          unplaced={unplaced}
        />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <TermsFieldset
          legend="Topics"
          hint="Research topics, interventions and methods: anything tagged with one of them is in your digest."
          groups={topicGroups}
          chosen={topics}
          setChosen={setTopics}
          error={issueOf('topics')}
        />
        <TermsFieldset
          legend="Crime problems"
          hint="Anything about one of these crime problems is in your digest."
          groups={crimeProblemGroups}
          chosen={crimeProblems}
          setChosen={setCrimeProblems}
          error={issueOf('crimeProblems')}
        />
        <button type="submit" disabled={result.fetching}>
          Save what my digest covers
        </button>
      </form>
    </section>
  );
}

/**
 * One list's boxes, a collapsible group per vocabulary (open where something is ticked), with the
 * server's message about the list beside it.
 */
function TermsFieldset({
  legend,
  hint,
  groups,
  chosen,
  setChosen,
  error,
}: {
  readonly legend: string;
  readonly hint: string;
  readonly groups: readonly TermGroup[];
  readonly chosen: ReadonlySet<string>;
  readonly setChosen: (update: (current: Set<string>) => Set<string>) => void;
  readonly error: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(
    () =>
      new Set(
        groups
          .filter((group) => group.choices.some((choice) => chosen.has(choice.identity)))
          .map((group) => group.id),
      ),
  );
  const toggle = (identity: string, ticked: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (ticked) next.add(identity);
      else next.delete(identity);
      return next;
    });
  return (
    <FieldSet legend={legend} hint={hint} error={error || undefined}>
      {groups.map((group) => {
        const ticked = group.choices.filter((choice) => chosen.has(choice.identity)).length;
        return (
          <details
            key={group.id}
            open={open.has(group.id)}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpen((current) => {
                const next = new Set(current);
                if (isOpen) next.add(group.id);
                else next.delete(group.id);
                return next;
              });
            }}
          >
            <summary>
              {group.label}
              {ticked > 0 ? ` (${ticked} ticked)` : ''}
            </summary>
            {group.choices.map((choice, index) => {
              const boxId = `${id}-${group.id}-${index}`;
              return (
                <div key={choice.identity} className="check">
                  <input
                    type="checkbox"
                    id={boxId}
                    checked={chosen.has(choice.identity)}
                    onChange={(event) => toggle(choice.identity, event.target.checked)}
                  />
                  <label htmlFor={boxId}>{choice.label}</label>
                </div>
              );
            })}
          </details>
        );
      })}
    </FieldSet>
  );
}
