import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CloseSkillsAuditDocument,
  SkillsAuditsDocument,
  SkillsAuditsToAnswerDocument,
  type SkillsAuditFieldsFragment,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate } from '../format/dates';
import { AnswerAudit, type RecordedAnswer } from './skills-audits/AnswerAudit';
import { AuditReport } from './skills-audits/AuditReport';
import { LaunchAudit } from './skills-audits/LaunchAudit';

/** Who lists skills audits and reads their reports (the community decides). */
export const AUDIT_READERS = ['reviewer', 'committee', 'admin'] as const;
/** Who launches and closes skills audits. */
export const AUDIT_RUNNERS = ['committee', 'admin'] as const;

/** Skills audits: launched by the committee, answered by the people of their units, reported. */
export function SkillsAuditsPage() {
  const { session } = useSession();
  const reader = hasRole(session, ...AUDIT_READERS);
  const runner = hasRole(session, ...AUDIT_RUNNERS);
  const [audits, refetch] = useQuery({ query: SkillsAuditsDocument, pause: !reader });
  const changed = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>Skills audits</h1>
      <p>
        What the people of a unit can do in each research skill, from their own answers: where the
        force is capable, and where training or hiring is needed.
      </p>
      <AuditsToAnswer />
      {runner && <LaunchAudit launched={changed} />}
      {reader && (
        <section aria-labelledby="audits">
          <h2 id="audits">All audits</h2>
          {audits.fetching && !audits.data && <Loading what="the skills audits" />}
          {audits.error && <ErrorMessage error={audits.error} />}
          {audits.data &&
            (audits.data.skillsAudits.items.length === 0 ? (
              <p>No skills audit has been launched.</p>
            ) : (
              <ul className="plain">
                {audits.data.skillsAudits.items.map((audit) => (
                  <li key={audit.id}>
                    <AuditCard audit={audit} runner={runner} changed={changed} />
                  </li>
                ))}
              </ul>
            ))}
        </section>
      )}
    </>
  );
}

/** The open audits asking the caller's unit, each to answer (or answer again) here. */
function AuditsToAnswer() {
  const [toAnswer] = useQuery({ query: SkillsAuditsToAnswerDocument });
  return (
    <section aria-labelledby="audits-to-answer">
      <h2 id="audits-to-answer">Audits asking you</h2>
      {toAnswer.fetching && !toAnswer.data && <Loading what="the audits asking you" />}
      {toAnswer.error && <ErrorMessage error={toAnswer.error} />}
      {toAnswer.data &&
        (toAnswer.data.skillsAuditsToAnswer.length === 0 ? (
          <p>No open skills audit asks your unit.</p>
        ) : (
          <ul className="plain">
            {toAnswer.data.skillsAuditsToAnswer.map(({ audit, answers }) => (
              <li key={audit.id}>
                <AuditToAnswer audit={audit} answered={answers} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** One audit asking the caller: what it asks and until when, and the caller's answers. */
function AuditToAnswer({
  audit,
  answered,
}: {
  readonly audit: SkillsAuditFieldsFragment;
  readonly answered: readonly RecordedAnswer[];
}) {
  const headingId = `to-answer-${audit.id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{audit.title}</h3>
      <p className="meta">
        Takes answers until {formatDate(audit.closesOn)} · asks {audit.targetUnits.join(', ')}
      </p>
      <AnswerAudit audit={audit} answered={answered} />
    </section>
  );
}

/** One audit: what it asks of whom and when, closing it and its report. */
function AuditCard({
  audit,
  runner,
  changed,
}: {
  readonly audit: SkillsAuditFieldsFragment;
  readonly runner: boolean;
  readonly changed: () => void;
}) {
  const [showReport, setShowReport] = useState(false);
  const [closing, close] = useMutation(CloseSkillsAuditDocument);
  const headingId = `audit-${audit.id}`;
  const open = audit.status === 'open';
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{audit.title}</h3>
      <p className="meta">
        {open ? 'Open' : 'Closed'} · takes answers from {formatDate(audit.opensOn)} to{' '}
        {formatDate(audit.closesOn)} · asks {audit.targetUnits.join(', ')}
      </p>
      <ol>
        {audit.questions.map((question) => (
          <li key={question.questionId}>
            {question.text} <span className="meta">({question.skill})</span>
          </li>
        ))}
      </ol>
      {closing.error && <ErrorMessage error={closing.error} />}
      <div className="inline">
        {open && runner && (
          <button
            type="button"
            disabled={closing.fetching}
            onClick={() =>
              void close({ id: audit.id }).then((outcome) => {
                if (outcome.data) {
                  setShowReport(true);
                  changed();
                }
              })
            }
          >
            Close the audit<span className="visually-hidden"> {audit.title}</span>
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={showReport}
          onClick={() => setShowReport((shown) => !shown)}
        >
          {showReport ? 'Hide the report' : 'Show the report'}
          <span className="visually-hidden"> of {audit.title}</span>
        </button>
      </div>
      {showReport && <AuditReport auditId={audit.id} title={audit.title} />}
    </section>
  );
}
