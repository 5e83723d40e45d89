import { useState } from 'react';
import { useQuery } from 'urql';
import { FindColleaguesDocument, type FindColleaguesQuery } from '../graphql/generated';
import { Field } from './Field';
import { ErrorMessage, Loading } from './Status';

/** A colleague as the expertise finder lists them. */
export type Colleague = FindColleaguesQuery['experts'][number]['person'];

/** How a listed colleague is named in the list: by name, or by rank and unit if it is hidden. */
function colleagueLabel(colleague: Colleague): string {
  return colleague.name ?? `${colleague.rankOrGrade ?? 'A colleague'}, ${colleague.unit ?? ''}`;
}

/**
 * Chooses a colleague by name: the user finds people through the expertise finder (one term is
 * tried as a method, a topic and a unit, so "crime analysis", "stalking" or "North BCU" each find
 * people), then picks one from a labelled list. The server's message for the choice (`error`)
 * appears beside the list. Lives inside a form: Enter in the search finds people rather than
 * sending the form half made.
 */
export function ColleaguePicker({
  label,
  searchLabel,
  hint,
  error,
  value,
  onChange,
  exclude,
}: {
  /** The list's label, e.g. "Colleague" or "Owner". */
  readonly label: string;
  /** The search box's label, e.g. "Find a colleague". */
  readonly searchLabel: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** The chosen colleague's id, or '' for none. */
  readonly value: string;
  readonly onChange: (colleague: Colleague | null) => void;
  /** Someone who may not be chosen (e.g. the user themself). */
  readonly exclude?: string | null;
}) {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [people] = useQuery({
    query: FindColleaguesDocument,
    variables: { terms: [term], unit: term },
    pause: term === '',
  });
  const colleagues = (people.data?.experts ?? [])
    .map(({ person }) => person)
    .filter((person) => person.id !== exclude);
  // The one chosen stays in the list when a new search does not find them, so the list never
  // shows a different colleague from the one the form will send.
  const [chosen, setChosen] = useState<Colleague | null>(null);
  const options =
    chosen && chosen.id === value && !colleagues.some((person) => person.id === chosen.id)
      ? [chosen, ...colleagues]
      : colleagues;
  const find = () => setTerm(search.trim());
  return (
    <>
      {people.error && <ErrorMessage error={people.error} />}
      <div className="inline">
        <Field label={searchLabel} hint="A skill, topic or unit, e.g. crime analysis or North BCU.">
          {(props) => (
            <input
              {...props}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  find();
                }
              }}
            />
          )}
        </Field>
        <button type="button" className="secondary" onClick={find}>
          Find<span className="visually-hidden"> colleagues</span>
        </button>
      </div>
      {people.fetching && <Loading what="colleagues" />}
      {people.data && (
        <p role="status">
          {colleagues.length === 0
            ? `Nobody listed matches “${term}”.`
            : `${colleagues.length} listed ${colleagues.length === 1 ? 'colleague matches' : 'colleagues match'} “${term}”.`}
        </p>
      )}
      <Field
        label={label}
        hint={hint ?? 'People in the talent pool who agreed to be listed, as found above.'}
        error={error}
      >
        {(props) => (
          <select
            {...props}
            value={value}
            onChange={(event) => {
              const picked = options.find((person) => person.id === event.target.value) ?? null;
              setChosen(picked);
              onChange(picked);
            }}
          >
            <option value="">Choose a colleague</option>
            {options.map((person) => (
              <option key={person.id} value={person.id}>
                {colleagueLabel(person)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
