import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { RegisterListDocument, type ProjectStatus } from '../graphql/generated';
import { Pager } from '../components/Pager';
import { FilterForm } from '../components/FilterForm';
import { ErrorMessage, Loading } from '../components/Status';
import { register } from '@ebp/contracts';
import { formatDate, statusLabel } from '../components/labels';

const PAGE = 20;

/** The Research and Learning Register: searchable, filterable, one page at a time. */
export function RegisterPage() {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const priorityId = params.get('priority') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const [{ data, fetching, error }] = useQuery({
    query: RegisterListDocument,
    variables: {
      filter: {
        ...(text ? { text } : {}),
        ...(status ? { status: [status as ProjectStatus] } : {}),
        ...(priorityId ? { priorityId } : {}),
      },
      limit: PAGE,
      offset: page * PAGE,
    },
  });
  const total = data?.researchProjects.total ?? 0;
  const go = (next: number) => {
    const copy = new URLSearchParams(params);
    copy.set('page', String(next));
    setParams(copy);
  };
  return (
    <>
      <h1>Research and Learning Register</h1>
      <FilterForm
        label="Filter the register"
        fields={['q', 'status', 'priority']}
        apply={setParams}
      >
        <div>
          <label htmlFor="register-text">Search</label>
          <input id="register-text" name="q" type="search" defaultValue={text} key={`q${text}`} />
        </div>
        <div>
          <label htmlFor="register-status">Status</label>
          <select id="register-status" name="status" defaultValue={status} key={`s${status}`}>
            <option value="">Any status</option>
            {register.ProjectStatusSchema.options.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="register-priority">Priority</label>
          <select
            id="register-priority"
            name="priority"
            defaultValue={priorityId}
            key={`p${priorityId}${data ? 'loaded' : ''}`}
          >
            <option value="">Any priority</option>
            {data?.researchPriorities.map((priority) => (
              <option key={priority.id} value={priority.id}>
                {priority.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Apply</button>
      </FilterForm>
      {fetching && !data && <Loading what="the register" />}
      {error && <ErrorMessage error={error} />}
      {data && (
        <>
          <p role="status">
            {total} {total === 1 ? 'project' : 'projects'}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Research projects</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                  <th scope="col">EBP level</th>
                  <th scope="col">Unit</th>
                  <th scope="col">SMS (planned)</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {data.researchProjects.items.map((project) => (
                  <tr key={project.id}>
                    <td>
                      <Link to={`/register/${encodeURIComponent(project.id)}`}>
                        {project.title}
                      </Link>
                      {project.classification !== 'OFFICIAL' && (
                        <span className="badge">{project.classification}</span>
                      )}
                    </td>
                    <td>{statusLabel(project.status)}</td>
                    <td>{project.ebpLevel}</td>
                    <td>{project.owningUnit}</td>
                    <td>{project.plannedSmsLevel}</td>
                    <td>{formatDate(project.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Pages of the register" page={page} size={PAGE} total={total} go={go} />
        </>
      )}
    </>
  );
}
