import { useMutation, useQuery } from 'urql';
import {
  AwardRoundsDocument,
  CloseAwardRoundDocument,
  type AwardRoundFieldsFragment,
} from '../graphql/generated';
import { hasRole, useSession } from '../auth/session';
import { PersonName } from '../components/PersonName';
import { personLabel } from '../components/person-label';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDate } from '../format/dates';
import { formatPounds, personIdOf } from './community/records';
import { OpenRound } from './awards/OpenRound';
import { ApplyToFund, Nominate } from './awards/EnterRound';
import { DecideApplication, DecideNomination } from './awards/Decide';
import { fundOutcomeLabel, nominationOutcomeLabel } from './awards/outcomes';

/** Who opens, closes and decides award rounds, and sees every entry (the community decides). */
export const AWARD_PANEL = ['committee', 'admin'] as const;

/** The Commissioner's EBP award and fund: rounds, nominations, applications and decisions. */
export function AwardsPage() {
  const { session } = useSession();
  const panel = hasRole(session, ...AWARD_PANEL);
  const [rounds, refetch] = useQuery({ query: AwardRoundsDocument });
  const changed = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>The Commissioner’s EBP award and fund</h1>
      <p>
        Nominate a colleague for the award, or apply to the fund for research you will lead, while a
        round is open. Once the EBP Committee closes a round it decides every entry.
      </p>
      {panel && <OpenRound opened={changed} />}
      <section aria-labelledby="rounds">
        <h2 id="rounds">Rounds</h2>
        {rounds.fetching && !rounds.data && <Loading what="the award rounds" />}
        {rounds.error && <ErrorMessage error={rounds.error} />}
        {rounds.data &&
          (rounds.data.awardRounds.items.length === 0 ? (
            <p>No round has been opened.</p>
          ) : (
            <ul className="plain">
              {rounds.data.awardRounds.items.map((round) => (
                <li key={round.id}>
                  <RoundCard
                    round={round}
                    panel={panel}
                    me={personIdOf(session)}
                    changed={changed}
                  />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}

/** One round: its state and budget, its entries as the reader may see them, and what to do. */
function RoundCard({
  round,
  panel,
  me,
  changed,
}: {
  readonly round: AwardRoundFieldsFragment;
  readonly panel: boolean;
  readonly me: string | null;
  readonly changed: () => void;
}) {
  const [closing, close] = useMutation(CloseAwardRoundDocument);
  const headingId = `round-${round.id}`;
  const open = round.status === 'open';
  const left = round.fundBudget - round.fundCommitted;
  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{round.title}</h3>
      <p className="meta">
        {open
          ? `Open: takes entries from ${formatDate(round.opensOn)} to ${formatDate(round.closesOn)}`
          : 'Closed: the committee decides its entries'}
        {' · '}
        {round.fundBudget === 0
          ? 'award only'
          : `fund ${formatPounds(round.fundBudget)}, ${formatPounds(round.fundCommitted)} awarded`}
      </p>
      <h4>Nominations</h4>
      {round.nominations.length === 0 ? (
        <p>{panel ? 'No nominations.' : 'No nominations you may see.'}</p>
      ) : (
        <ul>
          {round.nominations.map((nomination) => (
            <li key={nomination.id}>
              <strong>{personLabel(nomination.nominee, 'nominee')}</strong>, nominated by{' '}
              {nomination.nominatedBy === me ? (
                'you'
              ) : (
                <PersonName id={nomination.nominatedBy} role="nominator" />
              )}
              : {nominationOutcomeLabel(nomination.outcome)}
              {nomination.reason ? ` (${nomination.reason})` : ''}
              {nomination.citation && <blockquote>{nomination.citation}</blockquote>}
              {panel && !open && !nomination.outcome && (
                <DecideNomination
                  roundId={round.id}
                  nominationId={nomination.id}
                  nominee={personLabel(nomination.nominee, 'nominee')}
                  decided={changed}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {round.fundBudget > 0 && (
        <>
          <h4>Applications to the fund</h4>
          {round.applications.length === 0 ? (
            <p>{panel ? 'No applications.' : 'No applications you may see.'}</p>
          ) : (
            <ul>
              {round.applications.map((application) => (
                <li key={application.id}>
                  <strong>{application.title}</strong> by{' '}
                  {personLabel(application.applicant, 'applicant')}:{' '}
                  {formatPounds(application.amountRequested)} asked for;{' '}
                  {fundOutcomeLabel(application.outcome)}
                  {application.amountAwarded !== null && application.amountAwarded !== undefined
                    ? ` (${formatPounds(application.amountAwarded)})`
                    : ''}
                  {application.reason ? `: ${application.reason}` : ''}
                  <p>{application.summary}</p>
                  {panel && !open && !application.outcome && (
                    <DecideApplication
                      roundId={round.id}
                      applicationId={application.id}
                      title={application.title}
                      requested={application.amountRequested}
                      left={left}
                      decided={changed}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {open && (
        <>
          <Nominate round={round} me={me} entered={changed} />
          {round.fundBudget > 0 && <ApplyToFund round={round} entered={changed} />}
        </>
      )}
      {closing.error && <ErrorMessage error={closing.error} />}
      {open && panel && (
        <button
          type="button"
          disabled={closing.fetching}
          onClick={() =>
            void close({ id: round.id }).then((outcome) => {
              if (outcome.data) changed();
            })
          }
        >
          Close the round<span className="visually-hidden"> {round.title}</span>
        </button>
      )}
    </section>
  );
}
