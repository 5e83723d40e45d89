import { useMemo } from 'react';
import { BrowserRouter, Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { SessionProvider, hasRole, useSession } from './auth/session';
import { graphClient } from './graphql/client';
import { HomePage } from './pages/HomePage';
import { LibraryPage } from './pages/LibraryPage';
import { ProjectPage } from './pages/ProjectPage';
import { ProposePage } from './pages/ProposePage';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';

function Layout() {
  const { session, signOut } = useSession();
  const client = useMemo(() => graphClient(session?.token ?? null), [session?.token]);
  return (
    <Provider value={client}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          EBP · Met
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/register">Register</NavLink>
            </li>
            <li>
              <NavLink to="/library">Library</NavLink>
            </li>
            {hasRole(session, 'researcher', 'admin') && (
              <li>
                <NavLink to="/register/propose">Propose research</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="who">
          {session ? (
            <>
              <span>
                Signed in as <strong>{session.name}</strong>
              </span>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : (
            <Link to="/sign-in">Sign in</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session ? (
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/register/propose" element={<ProposePage />} />
            <Route path="/register/:id" element={<ProjectPage />} />
            <Route path="/library" element={<LibraryPage />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        ) : (
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="*" element={<Navigate to="/sign-in" replace />} />
          </Routes>
        )}
      </main>
    </Provider>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Layout />
      </BrowserRouter>
    </SessionProvider>
  );
}
