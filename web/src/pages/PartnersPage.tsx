import { partners } from '@ebp/contracts';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PartnersDirectoryDocument, type PartnersDirectoryQuery } from '../graphql/generated';
import { FilterForm } from '../components/FilterForm';
import { ErrorMessage, Loading } from '../components/Status';
import { statusLabel } from '../components/labels';

const KINDS = partners.OrganisationKindSchema.options;

type Collaborations = PartnersDirectoryQuery['organisations'][number]['collaborations'];

function Collaborating({ collaborations }: { readonly collaborations: Collaborations }) {
  // A project the reader may not see comes back as null: it is left out, not hinted at.
  const active = collaborations.flatMap(({ project, role, status }) =>
    project && status === 'active' ? [{ project, role }] : [],
  );
  if (active.length === 0) return null;
  return (
    <p>
      Working with us on:{' '}
      {active.map(({ project, role }, index) => (
        <span key={`${project.id}-${role}`}>
          {index > 0 ? '; ' : ''}
          <Link to={`/register/${encodeURIComponent(project.id)}`}>{project.title}</Link> (
          {statusLabel(role)})
        </span>
      ))}
    </p>
  );
}

/** The academic and research network: organisations and academics, by expertise and kind. */
export function PartnersPage() {
  const [params, setParams] = useSearchParams();
  const expertise = params.get('expertise') ?? '';
  // A kind the contract does not know (an old or mistyped link) filters nothing.
  const kind = KINDS.find((value) => value === params.get('kind'));
  const [{ data, fetching, error }] = useQuery({
    query: PartnersDirectoryDocument,
    variables: { expertise: expertise || null, kind: kind ?? null },
  });
  return (
    <>
      <h1>Partners directory</h1>
      <FilterForm label="Filter partners" fields={['expertise', 'kind']} apply={setParams}>
        <div>
          <label htmlFor="partners-expertise">Expertise</label>
          <input
            id="partners-expertise"
            name="expertise"
            type="search"
            defaultValue={expertise}
            key={expertise}
          />
        </div>
        <div>
          <label htmlFor="partners-kind">Kind of organisation</label>
          <select id="partners-kind" name="kind" defaultValue={kind ?? ''} key={kind ?? ''}>
            <option value="">Any kind</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Apply</button>
      </FilterForm>
      {fetching && !data && <Loading what="the directory" />}
      {error && <ErrorMessage error={error} />}
      {data && (
        <div className="columns">
          <section aria-labelledby="organisations">
            <h2 id="organisations">Organisations</h2>
            <p role="status">
              {data.organisations.length}{' '}
              {data.organisations.length === 1 ? 'organisation' : 'organisations'}
            </p>
            <ul className="plain">
              {data.organisations.map((organisation) => (
                <li key={organisation.id}>
                  <h3>{organisation.name}</h3>
                  <p className="meta">
                    {statusLabel(organisation.kind)}
                    {organisation.rorId ? ` · ROR ${organisation.rorId}` : ''}
                  </p>
                  <p>Expertise: {organisation.expertise.join(', ') || '—'}</p>
                  <Collaborating collaborations={organisation.collaborations} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="academics">
            <h2 id="academics">Academics</h2>
            {kind && <p>Academics are not filtered by kind of organisation.</p>}
            <ul className="plain">
              {data.academics.map((academic) => (
                <li key={academic.id}>
                  <h3>{academic.name}</h3>
                  {academic.orcid && <p className="meta">ORCID {academic.orcid}</p>}
                  <p>Expertise: {academic.expertise.join(', ') || '—'}</p>
                  <Collaborating collaborations={academic.collaborations} />
                </li>
              ))}
            </ul>
            {data.academics.length === 0 && <p>No academics match.</p>}
          </section>
        </div>
      )}
    </>
  );
}
