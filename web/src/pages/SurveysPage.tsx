import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LaunchSurveyCampaignDocument, SurveyCampaignsDocument } from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { Field } from '../components/Field';
import { fieldIssues } from '../components/FieldErrors';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate } from '../components/labels';
import { DayInput } from '../components/DayInput';

/** Who launches and closes survey campaigns (the service decides). */
export const SURVEY_KEEPERS = ['reviewer', 'admin'] as const;

/** Benchmarking surveys: answer an open one anonymously, read a closed one's results. */
export function SurveysPage() {
  const { session } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: SurveyCampaignsDocument });
  if (fetching && !data) return <Loading what="the surveys" />;
  if (error) return <ErrorMessage error={error} />;
  const campaigns = data?.surveyCampaigns.items ?? [];
  return (
    <>
      <h1>Benchmarking surveys</h1>
      <p>
        How the force uses evidence, asked again and again. Answers are anonymous: nothing records
        who gave one, and results show only groups large enough to hide any one person.
      </p>
      {campaigns.length === 0 ? (
        <p>No surveys yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Survey campaigns</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Open</th>
              <th scope="col">Status</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  <Link to={`/surveys/${encodeURIComponent(campaign.id)}`}>{campaign.title}</Link>
                </td>
                <td>
                  {formatDate(campaign.opensOn)} to {formatDate(campaign.closesOn)}
                </td>
                <td>{campaign.status === 'open' ? 'taking answers' : 'closed: results'}</td>
                {/* No count while it takes answers: a moving count would single out the next. */}
                <td>{campaign.responses ?? 'counted when it closes'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasRole(session, ...SURVEY_KEEPERS) && (
        <Launch questionSets={data?.surveyQuestionSets ?? []} />
      )}
    </>
  );
}

function Launch({
  questionSets,
}: {
  readonly questionSets: readonly { id: string; version: number; title: string }[];
}) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [questionSet, setQuestionSet] = useState(
    questionSets[0] ? `${questionSets[0].id}@${questionSets[0].version}` : '',
  );
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [minimum, setMinimum] = useState('10');
  const [result, launch] = useMutation(LaunchSurveyCampaignDocument);
  const issues = fieldIssues(result.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [questionSetId = '', version = '1'] = questionSet.split('@');
    const outcome = await launch({
      campaign: {
        title,
        questionSetId,
        questionSetVersion: Number(version),
        opensOn,
        closesOn,
        minimumCellSize: Number(minimum),
      },
    });
    const id = outcome.data?.launchSurveyCampaign.campaign.id;
    if (id) void navigate(`/surveys/${encodeURIComponent(id)}`);
  };
  return (
    <section aria-labelledby="launch">
      <h2 id="launch">Launch a survey</h2>
      {result.error && issues.size === 0 && <ErrorMessage error={result.error} />}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field label="Title" error={issues.get('title')}>
          {(props) => (
            <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </Field>
        <Field label="Question set" error={issues.get('questionSetId')}>
          {(props) => (
            <select
              {...props}
              value={questionSet}
              onChange={(event) => setQuestionSet(event.target.value)}
            >
              {questionSets.map((set) => (
                <option key={`${set.id}@${set.version}`} value={`${set.id}@${set.version}`}>
                  {set.title} (version {set.version})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Opens on" hint="dd/mm/yyyy" error={issues.get('opensOn')}>
          {(props) => <DayInput {...props} value={opensOn} onChange={setOpensOn} />}
        </Field>
        <Field label="Closes on" hint="dd/mm/yyyy" error={issues.get('closesOn')}>
          {(props) => <DayInput {...props} value={closesOn} onChange={setClosesOn} />}
        </Field>
        <Field
          label="Minimum cell size"
          hint="The fewest answers a group may have to be shown (at least 5)."
          error={issues.get('minimumCellSize')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={minimum}
              onChange={(event) => setMinimum(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={result.fetching}>
          Launch the survey
        </button>
      </form>
    </section>
  );
}
