import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { StartDigestEmailsDocument, StopDigestEmailsDocument } from '../../graphql/generated';
import { Field } from '../../components/Field';
import { fieldIssues } from '../../components/FieldErrors';
import { ErrorMessage, FormProblem } from '../../components/Status';
import { isUnchanged } from './SubscriptionForm';

/**
 * Starts e-mailing the caller's digest to an address they give (a new one replaces the old), or
 * stops it (decision 0037). The subscription itself stays either way.
 */
export function DigestEmails({
  email,
  changed,
}: {
  /** Where the digest is e-mailed now; null when it is not. */
  readonly email: string | null;
  readonly changed: () => void;
}) {
  const [address, setAddress] = useState('');
  const [done, setDone] = useState('');
  const [started, start] = useMutation(StartDigestEmailsDocument);
  const [stopped, stop] = useMutation(StopDigestEmailsDocument);
  const sameAddress = isUnchanged(started.error);
  const issues = fieldIssues(started.error);
  const unplaced = [...issues].filter(([path]) => path !== 'address');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const outcome = await start({ email: { address: address.trim() } });
    const now = outcome.data?.startDigestEmails.subscription.email;
    if (now) {
      setAddress('');
      setDone(`Your digest will be e-mailed to ${now}.`);
      changed();
    }
  };
  const stopEmails = async () => {
    setDone('');
    const outcome = await stop({});
    if (outcome.data || isUnchanged(outcome.error)) {
      setDone('E-mails stopped. Your digest is still on this page.');
      changed();
    }
  };
  return (
    <section aria-labelledby="digest-email">
      <h2 id="digest-email">E-mails</h2>
      <p>
        Your digest can be e-mailed to you: at most one e-mail each digest period (usually a week),
        and none when nothing new matches it. Each e-mail has a link that stops them without signing
        in. Nothing OFFICIAL-SENSITIVE is e-mailed: it stays on this page.
      </p>
      <p role="status">
        {done || (sameAddress ? 'Nothing changed: your digest is e-mailed to that address.' : '')}
      </p>
      {!sameAddress && (
        <FormProblem
          error={started.error}
          refused="The e-mails could not be started."
          issues={issues}
          unplaced={unplaced}
        />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate className="stacked">
        <Field
          label="Work e-mail address"
          hint={
            email
              ? 'A new address replaces the one in use, and the links in earlier e-mails stop working.'
              : 'For example firstname.lastname@met.police.uk.'
          }
          error={issues.get('address')}
        >
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={started.fetching}>
          {email ? 'E-mail my digest here instead' : 'E-mail my digest'}
        </button>
      </form>
      {email && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={stopped.fetching}
            onClick={() => void stopEmails()}
          >
            Stop the e-mails
          </button>
        </p>
      )}
      {stopped.error && !isUnchanged(stopped.error) && <ErrorMessage error={stopped.error} />}
    </section>
  );
}
