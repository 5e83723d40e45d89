import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  AnswerSurveyDocument,
  CloseSurveyCampaignDocument,
  SurveyCampaignDocument,
  SurveyComparisonDocument,
  SurveyResultsDocument,
  type SurveyCampaignQuery,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate, statusLabel } from '../components/labels';
import { SURVEY_KEEPERS } from './SurveysPage';

type QuestionSet = SurveyCampaignQuery['surveyQuestionSets'][number];

const figure = (value: { percent?: number | null; missing?: string | null }) =>
  value.percent === null || value.percent === undefined
    ? statusLabel(value.missing ?? '—')
    : `${value.percent}%`;

/** A survey campaign: the anonymous answer form while it is open, its results once closed. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SurveyCampaignDocument,
    variables: { id },
  });
  const [closing, close] = useMutation(CloseSurveyCampaignDocument);
  const campaign = data?.surveyCampaign;
  if (fetching && !data) return <Loading what="the survey" />;
  if (error) return <ErrorMessage error={error} />;
  if (!campaign)
    return (
      <>
        <h1>Survey not found</h1>
        <p>
          <Link to="/surveys">Benchmarking surveys</Link>
        </p>
      </>
    );
  const questionSet = data.surveyQuestionSets.find(
    (set) => set.id === campaign.questionSetId && set.version === campaign.questionSetVersion,
  );
  return (
    <>
      <p>
        <Link to="/surveys">Benchmarking surveys</Link>
      </p>
      <h1>{campaign.title}</h1>
      <p className="meta">
        {formatDate(campaign.opensOn)} to {formatDate(campaign.closesOn)} ·{' '}
        {campaign.responses === null
          ? 'answers counted when it closes'
          : `${campaign.responses} ${campaign.responses === 1 ? 'answer' : 'answers'}`}{' '}
        · groups of fewer than {campaign.minimumCellSize} are not shown
      </p>
      {campaign.status === 'open' && hasRole(session, ...SURVEY_KEEPERS) && (
        <div>
          {closing.error && <ErrorMessage error={closing.error} />}
          <button
            type="button"
            disabled={closing.fetching}
            onClick={() =>
              void close({ campaignId: campaign.id }).then((outcome) => {
                if (outcome.data) refetch({ requestPolicy: 'network-only' });
              })
            }
          >
            Close the survey
          </button>
          <p className="hint">
            It can be closed from {formatDate(campaign.closesOn)}, its last day.
          </p>
        </div>
      )}
      {campaign.status === 'open' && questionSet && (
        <Answer campaignId={campaign.id} questionSet={questionSet} />
      )}
      {campaign.status === 'closed' && (
        <Results campaignId={campaign.id} questionSet={questionSet} />
      )}
    </>
  );
}

function Answer({
  campaignId,
  questionSet,
}: {
  readonly campaignId: string;
  readonly questionSet: QuestionSet;
}) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [result, answer] = useMutation(AnswerSurveyDocument);
  const unanswered = questionSet.questions.filter((question) => !chosen[question.questionId]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (unanswered.length > 0) return;
    await answer({
      campaignId,
      answers: questionSet.questions.map((question) => ({
        questionId: question.questionId,
        optionId: chosen[question.questionId]!,
      })),
    });
  };
  const recorded = result.data?.answerSurvey.recordedAs;
  if (recorded)
    return (
      <p role="status">
        Thank you: your answers are recorded with no name, counted as{' '}
        {statusLabel(recorded.rankBand)}, {statusLabel(recorded.businessArea)}.
      </p>
    );
  return (
    <section aria-labelledby="answer">
      <h2 id="answer">Answer anonymously</h2>
      <p>Every question needs an answer. You can answer each survey once.</p>
      {result.error && <ErrorMessage error={result.error} />}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        {questionSet.questions.map((question, index) => (
          <fieldset key={question.questionId}>
            <legend>
              {index + 1}. {question.text}
            </legend>
            {question.options.map((option) => {
              const inputId = `${question.questionId}-${option.optionId}`;
              return (
                <div key={option.optionId} className="choice">
                  <input
                    type="radio"
                    id={inputId}
                    name={question.questionId}
                    value={option.optionId}
                    checked={chosen[question.questionId] === option.optionId}
                    onChange={() =>
                      setChosen((current) => ({
                        ...current,
                        [question.questionId]: option.optionId,
                      }))
                    }
                  />
                  <label htmlFor={inputId}>{option.label}</label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <p role="status">
          {unanswered.length === 0
            ? 'Every question is answered.'
            : `${unanswered.length} of ${questionSet.questions.length} questions still to answer.`}
        </p>
        <button type="submit" disabled={result.fetching || unanswered.length > 0}>
          Send my answers
        </button>
      </form>
    </section>
  );
}

function Results({
  campaignId,
  questionSet,
}: {
  readonly campaignId: string;
  readonly questionSet: QuestionSet | undefined;
}) {
  const [{ data, error }] = useQuery({
    query: SurveyResultsDocument,
    variables: { id: campaignId },
  });
  const baseline = questionSet?.baseline;
  const [compared] = useQuery({
    query: SurveyComparisonDocument,
    variables: {
      before: { kind: 'published_baseline', id: questionSet?.id ?? '' },
      after: { kind: 'campaign', id: campaignId },
    },
    pause: !baseline || !questionSet,
  });
  if (error) return <ErrorMessage error={error} />;
  const results = data?.surveyResults;
  if (!results) return <Loading what="the results" />;
  const groups = (
    title: string,
    rows: readonly { group: string; respondents?: number | null; suppressed: boolean }[],
  ) => (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.group}>
            <td>{statusLabel(row.group)}</td>
            <td>{row.suppressed ? 'not shown: too few' : row.respondents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="results">
      <h2 id="results">Results</h2>
      {results.suppressed ? (
        <p>Fewer than {results.minimumCellSize} people answered, so no results are shown.</p>
      ) : (
        <table>
          <caption>All {results.respondents} answers</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Headline</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {(results.overall ?? []).map((question) => (
              <tr key={question.questionId}>
                <td>{question.text}</td>
                <td>{question.headline.label}</td>
                <td>{question.headline.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {groups('By rank band', results.byRankBand)}
      {groups('By business area', results.byBusinessArea)}
      {baseline && compared.data && (
        <>
          <h3>Compared with {baseline.label}</h3>
          {compared.error && <ErrorMessage error={compared.error} />}
          <table>
            <caption className="visually-hidden">
              Headline shares then and now, in percentage points
            </caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Then</th>
                <th scope="col">Now</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {compared.data.surveyComparison.questions.map((question) => (
                <tr key={question.questionId}>
                  <td>
                    {question.text} ({question.headline})
                  </td>
                  <td>{figure(question.before)}</td>
                  <td>{figure(question.after)}</td>
                  <td>
                    {question.change === null || question.change === undefined
                      ? '—'
                      : `${question.change > 0 ? '+' : ''}${question.change} points`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
