import { useState, type FormEvent, type JSX } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useSession } from '../../../auth/session';
import {
  LeadReportProgressDocument,
  LeadResumeProjectDocument,
  LeadStartProjectDocument,
  LeadStopProjectDocument,
  LeadSuspendProjectDocument,
  LeadWithdrawProjectDocument,
  type ProjectStatus,
} from '../../../graphql/generated';
import { TextAreaField } from '../../../components/Field';
import { fieldIssues } from '../../../components/FieldErrors';
import { FormProblem } from '../../../components/Status';
import { formatDate, londonToday } from '../../../format/dates';
import { CompletionForm } from './CompletionForm';
import { lifecycleActionsFor, type LifecycleAction } from './lifecycle-rules';

export interface ProjectForLifecycle {
  readonly id: string;
  readonly status: ProjectStatus;
  readonly leadId: string;
  readonly proposedBy: string;
  readonly version: number;
  readonly proposal: {
    readonly outcomes: {
      readonly primary: readonly { readonly name: string; readonly measure: string }[];
      readonly secondary: readonly { readonly name: string; readonly measure: string }[];
    };
  };
}

/**
 * The issues of a refused one-field form, by field: where the register named no field (its
 * "needs at least 10 characters" for a reason, say) the refusal is about the only field there is.
 */
function oneFieldIssues(error: CombinedError | undefined, field: string): Map<string, string> {
  const issues = fieldIssues(error);
  const refusal = error?.graphQLErrors[0];
  if (issues.size === 0 && refusal?.extensions?.code === 'INVALID_PROJECT_INPUT')
    issues.set(field, refusal.message);
  return issues;
}

/** A change that needs only a few words (a reason, a progress note), and the button that sends it. */
function WordsForm({
  title,
  label,
  hint,
  button,
  refused,
  fetching,
  error,
  send,
}: {
  readonly title: string;
  readonly label: string;
  readonly hint: string;
  readonly button: string;
  readonly refused: string;
  readonly fetching: boolean;
  readonly error: CombinedError | undefined;
  /** Sends the words; true when the register took them. */
  readonly send: (words: string) => Promise<boolean>;
}) {
  const [words, setWords] = useState('');
  const issues = oneFieldIssues(error, 'words');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send(words)) setWords('');
  };
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="stacked"
      aria-label={title}
    >
      <FormProblem error={error} refused={refused} issues={issues} />
      <TextAreaField
        label={label}
        hint={hint}
        error={issues.get('words')}
        rows={3}
        value={words}
        onChange={setWords}
      />
      <button type="submit" disabled={fetching}>
        {button}
      </button>
    </form>
  );
}

interface ActionProps {
  readonly project: ProjectForLifecycle;
  /** The register took the change: say so, and read the project again. */
  readonly done: (message: string) => void;
}

function StartAction({ project, done }: ActionProps) {
  const [result, start] = useMutation(LeadStartProjectDocument);
  return (
    <div>
      <h3>Start the research</h3>
      <p className="hint">
        The register records the day it is started, today ({formatDate(londonToday())}), as the day
        the research began. It needs current ethics approval, or a recorded reason it is not
        required.
      </p>
      <FormProblem
        error={result.error}
        refused="The project could not be started."
        issues={new Map()}
      />
      <button
        type="button"
        disabled={result.fetching}
        onClick={() => {
          void start({ id: project.id, expectedVersion: project.version }).then((outcome) => {
            const started = outcome.data?.startProject.project?.startedOn;
            if (outcome.data)
              done(`The research started on ${formatDate(started ?? londonToday())}.`);
          });
        }}
      >
        Start the research today
      </button>
    </div>
  );
}

function ResumeAction({ project, done }: ActionProps) {
  const [result, resume] = useMutation(LeadResumeProjectDocument);
  return (
    <div>
      <h3>Resume the research</h3>
      <FormProblem
        error={result.error}
        refused="The project could not be resumed."
        issues={new Map()}
      />
      <button
        type="button"
        disabled={result.fetching}
        onClick={() => {
          void resume({ id: project.id, expectedVersion: project.version }).then(
            (outcome) => outcome.data && done('The research has resumed.'),
          );
        }}
      >
        Resume the research
      </button>
    </div>
  );
}

function ProgressAction({ project, done }: ActionProps) {
  const [result, report] = useMutation(LeadReportProgressDocument);
  return (
    <div>
      <h3>Report progress</h3>
      <WordsForm
        title="Progress report"
        label="What has been done since the last report"
        hint="At least 10 characters: what was done, what is next, anything that holds it up."
        button="Record the progress report"
        refused="The progress report could not be recorded."
        fetching={result.fetching}
        error={result.error}
        send={async (summary) => {
          const outcome = await report({
            id: project.id,
            summary,
            expectedVersion: project.version,
          });
          if (outcome.data) done('The progress report is recorded.');
          return Boolean(outcome.data);
        }}
      />
    </div>
  );
}

/** Suspend, stop and withdraw: each needs a reason and is tucked away until asked for. */
function ReasonAction({
  project,
  done,
  action,
}: ActionProps & { readonly action: 'suspend' | 'stop' | 'withdraw' }) {
  const [suspension, suspend] = useMutation(LeadSuspendProjectDocument);
  const [stopping, stop] = useMutation(LeadStopProjectDocument);
  const [withdrawal, withdraw] = useMutation(LeadWithdrawProjectDocument);
  const words = {
    suspend: {
      title: 'Suspend the project',
      label: 'Why it is suspended',
      button: 'Suspend the project now',
      refused: 'The project could not be suspended.',
      result: suspension,
      done: 'The project is suspended.',
      run: (reason: string) =>
        suspend({ id: project.id, reason, expectedVersion: project.version }),
    },
    stop: {
      title: 'Stop the project',
      label: 'Why it is stopped',
      button: 'Stop the project now',
      refused: 'The project could not be stopped.',
      result: stopping,
      done: 'The project is stopped.',
      run: (reason: string) => stop({ id: project.id, reason, expectedVersion: project.version }),
    },
    withdraw: {
      title: 'Withdraw the project',
      label: 'Why it is withdrawn',
      button: 'Withdraw the project now',
      refused: 'The project could not be withdrawn.',
      result: withdrawal,
      done: 'The project is withdrawn.',
      run: (reason: string) =>
        withdraw({ id: project.id, reason, expectedVersion: project.version }),
    },
  }[action];
  return (
    <details>
      <summary>{words.title}</summary>
      <WordsForm
        title={words.title}
        label={words.label}
        hint="At least 10 characters; the reason is recorded in the project’s timeline."
        button={words.button}
        refused={words.refused}
        fetching={words.result.fetching}
        error={words.result.error}
        send={async (reason) => {
          const outcome = await words.run(reason);
          if (outcome.data) done(words.done);
          return Boolean(outcome.data);
        }}
      />
    </details>
  );
}

function CompleteAction({ project, done }: ActionProps) {
  return (
    <details>
      <summary>Complete the project with its findings</summary>
      <CompletionForm
        projectId={project.id}
        version={project.version}
        preRegistered={project.proposal.outcomes}
        completed={() => done('The project is complete; its findings are below.')}
      />
    </details>
  );
}

const ACTION_COMPONENTS: Record<LifecycleAction, (props: ActionProps) => JSX.Element> = {
  start: StartAction,
  'report-progress': ProgressAction,
  complete: CompleteAction,
  resume: ResumeAction,
  suspend: (props) => <ReasonAction {...props} action="suspend" />,
  stop: (props) => <ReasonAction {...props} action="stop" />,
  withdraw: (props) => <ReasonAction {...props} action="withdraw" />,
};

/**
 * Running the project: what its lead or proposer (and, for some steps, the committee or an
 * administrator) may do with it as it stands, from starting it to completing it with findings.
 */
export function LeadLifecycle({
  project,
  changed,
}: {
  readonly project: ProjectForLifecycle;
  readonly changed: () => void;
}) {
  const { session } = useSession();
  const [message, setMessage] = useState('');
  const actions = lifecycleActionsFor(project, {
    personId: session ? `person-${session.user}` : null,
    roles: session?.roles ?? [],
  });
  const done = (words: string) => {
    setMessage(words);
    changed();
  };
  // The status region stays on the page, so that what was done is announced even when the
  // change leaves nothing more to do (a completed project).
  return (
    <>
      <p role="status">{message}</p>
      {actions.length > 0 && (
        <section aria-labelledby="lifecycle" className="actions">
          <h2 id="lifecycle">Running the project</h2>
          {actions.map((action) => {
            const Action = ACTION_COMPONENTS[action];
            // The project's version keys each form: a change starts the next one afresh.
            return <Action key={`${action}-${project.version}`} project={project} done={done} />;
          })}
        </section>
      )}
    </>
  );
}
