import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  DraftLibraryItemDocument,
  LibraryItemsByStatusDocument,
  type LibraryItemsByStatusQuery,
} from '../../graphql/generated';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { ErrorMessage, FormProblem, Loading } from '../../components/Status';
import { formatDate } from '../../format/dates';
import { statusLabel } from '../../components/labels';
import { ContentFields, placedContentIssue } from './ContentFields';
import { contentOf, emptyContentForm, type ContentForm } from './content';

/** Who edits the library: reviewers, the committee and administrators (the service decides). */
export const LIBRARY_EDITORS = ['reviewer', 'committee', 'admin'] as const;

/** The lists an editor works from. */
const LISTS = {
  draft: 'Drafts awaiting publication',
  sensitive: 'Published OFFICIAL-SENSITIVE items (for release)',
  withdrawn: 'Withdrawn items',
} as const;
type ListName = keyof typeof LISTS;

type ListedItem = LibraryItemsByStatusQuery['libraryItems'][number];

export const itemLink = (id: string) => `/library/${encodeURIComponent(id)}`;
const classificationLabel = (value: string) => value.replace('_', '-');

/** The title an editor knows the item by: the working copy's, which a draft has not published. */
const workingTitle = (item: ListedItem) => item.draft?.title ?? item.title;

/** A new item's id: the library's own drafts take `project-` and `outcome-`; editors' take this. */
const newItemId = () => `item-${crypto.randomUUID().slice(0, 8)}`;

/** Editors: the drafts to finish, sensitive items to release, withdrawn ones, and a new draft. */
export function EditorLibrary() {
  const [list, setList] = useState<ListName>('draft');
  const [{ data, fetching, error }] = useQuery({
    query: LibraryItemsByStatusDocument,
    variables: { status: list === 'sensitive' ? 'published' : list },
  });
  const shown = (data?.libraryItems ?? []).filter(
    (item) => list !== 'sensitive' || item.classification === 'OFFICIAL_SENSITIVE',
  );
  return (
    <section aria-labelledby="editorial" className="editorial">
      <h2 id="editorial">Editorial work</h2>
      <Field label="Show">
        {(props) => (
          <select
            {...props}
            value={list}
            onChange={(event) => setList(event.target.value as ListName)}
          >
            {Object.entries(LISTS).map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {fetching && !data && <Loading what="the items" />}
      {error && <ErrorMessage error={error} />}
      {data && (
        <section aria-labelledby="editorial-list">
          <h3 id="editorial-list">{LISTS[list]}</h3>
          {shown.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul className="plain">
              {shown.map((item) => (
                <li key={item.id}>
                  <Link to={itemLink(item.id)}>{workingTitle(item)}</Link>{' '}
                  <span className="meta">
                    {statusLabel(item.kind)}, {item.year} ·{' '}
                    {classificationLabel(item.draft?.classification ?? item.classification)}
                    {item.version
                      ? ` · version ${item.version}, published ${formatDate(item.publishedAt)}`
                      : ' · never published'}
                    {item.status === 'published' && item.unpublishedChanges
                      ? ' · unpublished changes'
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <DraftNewItem />
    </section>
  );
}

/** Editors: drafts a new item, then opens it to revise and publish. */
function DraftNewItem() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ContentForm>(() =>
    emptyContentForm(new Date().getUTCFullYear()),
  );
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const [result, draft] = useMutation(DraftLibraryItemDocument);
  const issues = local.size > 0 ? local : fieldIssues(result.error);
  const unplaced = [...issues].filter(([path]) => !placedContentIssue(path));
  const change = (name: keyof ContentForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = contentOf(form);
    if ('issues' in built) {
      setLocal(built.issues);
      return;
    }
    setLocal(new Map());
    const outcome = await draft({ id: newItemId(), content: built.content });
    const id = outcome.data?.draftLibraryItem.id;
    if (id) void navigate(itemLink(id));
  };
  if (!open)
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Draft a new item
        </button>
      </p>
    );
  return (
    <section aria-labelledby="draft-new">
      <h3 id="draft-new">Draft a new item</h3>
      <FormProblem
        error={local.size > 0 ? undefined : result.error}
        refused="The item could not be drafted."
        issues={issues}
        unplaced={unplaced}
      />
      {local.size > 0 && (
        <p role="alert" className="error">
          <strong>The item could not be drafted.</strong> Please correct the fields marked below.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <ContentFields form={form} change={change} issues={issues} />
        <div className="inline">
          <button type="submit" disabled={result.fetching}>
            Save the draft
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
