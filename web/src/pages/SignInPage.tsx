import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { problemDetail, useSession, type DemoUser } from '../auth/session';
import { ErrorMessage, Loading } from '../components/Status';

/** Sign-in as one of the development issuer's demo users (all-in-one mode only). */
export function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    fetch('/dev/users')
      .then(async (response) => {
        if (!response.ok)
          throw new Error(
            response.status === 404
              ? 'Demo sign-in is only available in all-in-one development mode.'
              : await problemDetail(response),
          );
        setUsers((await response.json()) as DemoUser[]);
      })
      .catch((failure: unknown) => setError(failure as Error));
  }, []);
  return (
    <>
      <h1>Sign in</h1>
      <p>Choose a demo user. Each has the roles and clearances shown.</p>
      {error && <ErrorMessage error={error} />}
      {!users && !error && <Loading what="the demo users" />}
      {users && (
        <ul className="cards" aria-label="Demo users">
          {users.map((user) => (
            <li key={user.user} className="card">
              <h2>{user.name}</h2>
              <p>
                Roles: {user.roles.join(', ')}. Cleared for {user.clearances.join(', ')}.
              </p>
              <button
                type="button"
                onClick={() => {
                  signIn(user).then(
                    () => navigate('/'),
                    (failure: unknown) => setError(failure as Error),
                  );
                }}
              >
                Sign in as {user.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
