import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  CoursesDocument,
  TrainingEvidenceMapDocument,
  type CourseFieldsFragment,
  type TrainingEvidenceMapQuery,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { Field } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { CiteEvidence, RecordCourse } from './training/CourseForms';

/** Who records courses and cites evidence for them: the library's editors (the service decides). */
export const TRAINING_EDITORS = ['reviewer', 'committee', 'admin'] as const;

/** Level 3 (a comparison with a control group) is where the service starts to call evidence strong. */
const DEFAULT_LEVEL = 3;
const LEVELS = [1, 2, 3, 4, 5] as const;

/** The SMS level from the address (`?sms=4`), or the service's default. */
function levelFrom(value: string | null): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 5 ? level : DEFAULT_LEVEL;
}

const smsLabel = (level: number | null) => (level ? `SMS level ${level}` : 'SMS not rated');
const libraryLink = (id: string) => `/library/${encodeURIComponent(id)}`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Training and evidence: where the library's evidence leads the force's courses, and the gaps. */
export function TrainingPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const level = levelFrom(params.get('sms'));
  const [courses, refetchCourses] = useQuery({ query: CoursesDocument });
  const [map, refetchMap] = useQuery({
    query: TrainingEvidenceMapDocument,
    variables: { minimumSmsLevel: level },
  });
  const editor = hasRole(session, ...TRAINING_EDITORS);
  const changed = () => {
    refetchCourses({ requestPolicy: 'network-only' });
    refetchMap({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>Training and evidence</h1>
      <p>
        The force’s courses, the parts each teaches, and the published library evidence behind each
        part: where evidence leads training, and where there are gaps. Only evidence you may read is
        counted.
      </p>
      <section aria-labelledby="evidence-map">
        <h2 id="evidence-map">The evidence map</h2>
        <div className="inline">
          <Field
            label="Strong evidence from"
            hint="The Scientific Methods Scale level from which an item counts as strong evidence."
          >
            {(props) => (
              <select
                {...props}
                value={level}
                onChange={(event) =>
                  setParams(
                    Number(event.target.value) === DEFAULT_LEVEL ? {} : { sms: event.target.value },
                  )
                }
              >
                {LEVELS.map((each) => (
                  <option key={each} value={each}>
                    SMS level {each}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {map.fetching && !map.data && <Loading what="the evidence map" />}
        {map.error && <ErrorMessage error={map.error} />}
        {map.data && <EvidenceMap map={map.data.trainingEvidenceMap} />}
      </section>
      <section aria-labelledby="courses">
        <h2 id="courses">Courses</h2>
        {courses.fetching && !courses.data && <Loading what="the courses" />}
        {courses.error && <ErrorMessage error={courses.error} />}
        {courses.data &&
          (courses.data.courses.length === 0 ? (
            <p>No courses are recorded yet.</p>
          ) : (
            <ul className="plain">
              {courses.data.courses.map((course) => (
                <li key={course.id}>
                  <CourseCard course={course} editor={editor} changed={changed} />
                </li>
              ))}
            </ul>
          ))}
      </section>
      {editor && <RecordCourse recorded={changed} />}
    </>
  );
}

type EvidenceMapData = TrainingEvidenceMapQuery['trainingEvidenceMap'];

function EvidenceMap({ map }: { readonly map: EvidenceMapData }) {
  return (
    <>
      <p role="status">
        {plural(map.courses, 'active course', 'active courses')} with{' '}
        {plural(map.parts, 'part', 'parts')}; evidence is cited for {map.partsWithEvidence} of the{' '}
        {plural(map.parts, 'part', 'parts')}. Evidence counts as strong from SMS level{' '}
        {map.minimumSmsLevel}.
      </p>
      <section aria-labelledby="courses-without-evidence">
        <h3 id="courses-without-evidence">Courses with no supporting evidence</h3>
        {map.courses === 0 ? (
          <p>No active courses.</p>
        ) : map.coursesWithoutEvidence.length === 0 ? (
          <p>Every course cites evidence for at least one of its parts.</p>
        ) : (
          <ul>
            {map.coursesWithoutEvidence.map((course) => (
              <li key={course.id}>
                {course.title} <span className="meta">({course.provider})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="parts-without-evidence">
        <h3 id="parts-without-evidence">Parts with no evidence</h3>
        {map.courses === 0 ? (
          <p>No active courses.</p>
        ) : map.partsWithoutEvidence.length === 0 ? (
          <p>Every part of every course cites evidence.</p>
        ) : (
          <ul>
            {map.partsWithoutEvidence.map((gap) => (
              <li key={`${gap.course.id}/${gap.partId}`}>
                {gap.course.title}: {gap.title}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="evidence-leads">
        <h3 id="evidence-leads">Where evidence leads training</h3>
        {map.taught.length === 0 ? (
          <p>No course cites evidence yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">
                Items the courses cite, the strongest evidence first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Evidence</th>
                  <th scope="col">Strength</th>
                  <th scope="col">Taught in</th>
                </tr>
              </thead>
              <tbody>
                {map.taught.map(({ item, strong, citedBy }) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={libraryLink(item.id)}>{item.title}</Link>
                    </td>
                    <td>
                      {strong ? 'strong' : 'not strong'} ({smsLabel(item.evidence.smsLevel)})
                    </td>
                    <td>
                      {citedBy.map(({ course, partIds }) => (
                        <div key={course.id}>
                          {course.title}:{' '}
                          {partIds
                            .map(
                              (partId) =>
                                course.parts.find((part) => part.id === partId)?.title ?? partId,
                            )
                            .join('; ')}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="taught-nowhere">
        <h3 id="taught-nowhere">Strong evidence taught nowhere</h3>
        {map.strongEvidenceTaughtNowhere.length === 0 ? (
          <p>Every item of strong evidence is taught in a course.</p>
        ) : (
          <ul>
            {map.strongEvidenceTaughtNowhere.map((item) => (
              <li key={item.id}>
                <Link to={libraryLink(item.id)}>{item.title}</Link>{' '}
                <span className="meta">
                  ({item.year}, {smsLabel(item.evidence.smsLevel)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One course: who gives it to whom, and each part with the evidence it cites. */
function CourseCard({
  course,
  editor,
  changed,
}: {
  readonly course: CourseFieldsFragment;
  readonly editor: boolean;
  readonly changed: () => void;
}) {
  const headingId = `course-${course.id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{course.title}</h3>
      <p className="meta">
        {course.provider} · for {course.audience}
      </p>
      {course.description && <p>{course.description}</p>}
      <ol>
        {course.parts.map((part) => (
          <li key={part.id}>
            {part.title}
            {part.evidence.length === 0 ? (
              <p className="gap">No evidence cited.</p>
            ) : (
              <ul>
                {part.evidence.map(({ item, note }) => (
                  <li key={item.id}>
                    <Link to={libraryLink(item.id)}>{item.title}</Link>{' '}
                    <span className="meta">({smsLabel(item.evidence.smsLevel)})</span>
                    {note ? `: ${note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {editor && <CiteEvidence course={course} cited={changed} />}
    </section>
  );
}
