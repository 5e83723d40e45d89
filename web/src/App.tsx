import { Suspense, useEffect, useMemo, useRef } from 'react';
import { BrowserRouter, Link, NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { SessionProvider, hasRole, useSession } from './auth/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Status';
import { graphClient } from './graphql/client';
import { HomePage } from './pages/HomePage';
import { isPartner } from './pages/master-classes/audience';
import { SignInPage } from './pages/SignInPage';
import { lazyPage } from './lazy-page';

// Sign-in and the home page are in the entry chunk; every other page loads when it is first
// visited (issue 21: the first page loads only what it shows).
const AwardsPage = lazyPage(() => import('./pages/AwardsPage'), 'AwardsPage');
const DigestPage = lazyPage(() => import('./pages/DigestPage'), 'DigestPage');
const ForumPage = lazyPage(() => import('./pages/ForumPage'), 'ForumPage');
const ForumThreadPage = lazyPage(() => import('./pages/ForumThreadPage'), 'ForumThreadPage');
const GovernancePage = lazyPage(() => import('./pages/GovernancePage'), 'GovernancePage');
const LearningNetworksPage = lazyPage(
  () => import('./pages/LearningNetworksPage'),
  'LearningNetworksPage',
);
const LibraryItemPage = lazyPage(() => import('./pages/LibraryItemPage'), 'LibraryItemPage');
const LibraryPage = lazyPage(() => import('./pages/LibraryPage'), 'LibraryPage');
const MasterClassesPage = lazyPage(() => import('./pages/MasterClassesPage'), 'MasterClassesPage');
const MeetingPage = lazyPage(() => import('./pages/MeetingPage'), 'MeetingPage');
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const ModerationPage = lazyPage(() => import('./pages/ModerationPage'), 'ModerationPage');
const PartnerHomePage = lazyPage(
  () => import('./pages/partner/PartnerHomePage'),
  'PartnerHomePage',
);
const PartnersPage = lazyPage(() => import('./pages/PartnersPage'), 'PartnersPage');
const PeoplePage = lazyPage(() => import('./pages/PeoplePage'), 'PeoplePage');
const ProjectPage = lazyPage(() => import('./pages/ProjectPage'), 'ProjectPage');
const ProposePage = lazyPage(() => import('./pages/ProposePage'), 'ProposePage');
const RegisterPage = lazyPage(() => import('./pages/RegisterPage'), 'RegisterPage');
const ResearchPlanPage = lazyPage(() => import('./pages/ResearchPlanPage'), 'ResearchPlanPage');
const SkillsAuditsPage = lazyPage(() => import('./pages/SkillsAuditsPage'), 'SkillsAuditsPage');
const SurveyPage = lazyPage(() => import('./pages/SurveyPage'), 'SurveyPage');
const SurveysPage = lazyPage(() => import('./pages/SurveysPage'), 'SurveysPage');
const TrainingPage = lazyPage(() => import('./pages/TrainingPage'), 'TrainingPage');

/** The main menu; a page a role may not use is not offered (its server refuses it anyway). */
const MENU: readonly { to: string; label: string; roles?: readonly string[] }[] = [
  { to: '/', label: 'Home' },
  { to: '/register', label: 'Register' },
  { to: '/plan', label: 'Research Plan' },
  { to: '/library', label: 'Library' },
  { to: '/master-classes', label: 'Master classes' },
  { to: '/training', label: 'Training' },
  { to: '/forum', label: 'Forum' },
  { to: '/people', label: 'People' },
  { to: '/partners', label: 'Partners' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/surveys', label: 'Surveys' },
  // Every member of staff has a digest (a partner identity has none, and is never shown MENU).
  {
    to: '/digest',
    label: 'My digest',
    roles: ['viewer', 'researcher', 'reviewer', 'committee', 'admin'],
  },
  { to: '/governance', label: 'Governance', roles: ['reviewer', 'committee', 'admin'] },
  // Every member of staff answers the skills audits asking their unit (the list of all audits
  // and their reports stay with those the community allows); so are the award and networks.
  {
    to: '/skills-audits',
    label: 'Skills audits',
    roles: ['viewer', 'researcher', 'reviewer', 'committee', 'admin'],
  },
  {
    to: '/awards',
    label: 'Award and fund',
    roles: ['viewer', 'researcher', 'reviewer', 'committee', 'admin'],
  },
  {
    to: '/learning-networks',
    label: 'Learning networks',
    roles: ['viewer', 'researcher', 'reviewer', 'committee', 'admin'],
  },
  { to: '/moderation', label: 'Moderation', roles: ['reviewer', 'committee', 'admin'] },
  { to: '/register/propose', label: 'Propose research', roles: ['researcher', 'admin'] },
];

/**
 * A partner identity's menu: the master classes open to partners (decision 0039) and its own
 * organisation, collaborations and submissions (issue 21). The rest of the
 * intranet (the home page's library and priorities, the register, people...) is the staff's, and
 * their servers refuse a partner.
 */
const PARTNER_MENU: readonly { to: string; label: string }[] = [
  { to: '/master-classes', label: 'Master classes' },
  { to: '/organisation', label: 'Our organisation' },
];

function Layout() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const loaded = useRef(false);
  // A new page moves focus to its content, where a full page load would start a screen reader;
  // filters and dates change only the query string and leave focus where the user is.
  useEffect(() => {
    if (loaded.current) main.current?.focus();
    loaded.current = true;
  }, [location.pathname]);
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
            {(isPartner(session)
              ? PARTNER_MENU
              : MENU.filter((item) => !item.roles || hasRole(session, ...item.roles))
            ).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/' || item.to === '/register'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
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
      <main id="main" tabIndex={-1} ref={main}>
        {session && isPartner(session) ? (
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<Loading what="the page" />}>
              <PartnerRoutes />
            </Suspense>
          </ErrorBoundary>
        ) : session ? (
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<Loading what="the page" />}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route path="/register/propose" element={<ProposePage />} />
                <Route path="/register/:id" element={<ProjectPage />} />
                <Route path="/plan" element={<ResearchPlanPage />} />
                <Route path="/library" element={<LibraryPage />} />
                <Route path="/library/:id" element={<LibraryItemPage />} />
                <Route path="/master-classes" element={<MasterClassesPage />} />
                <Route path="/training" element={<TrainingPage />} />
                <Route path="/forum" element={<ForumPage />} />
                <Route path="/forum/:id" element={<ForumThreadPage />} />
                <Route path="/people" element={<PeoplePage />} />
                <Route path="/partners" element={<PartnersPage />} />
                <Route path="/meetings" element={<MeetingsPage />} />
                <Route path="/meetings/:id" element={<MeetingPage />} />
                <Route path="/surveys" element={<SurveysPage />} />
                <Route path="/surveys/:id" element={<SurveyPage />} />
                <Route path="/governance" element={<GovernancePage />} />
                <Route path="/moderation" element={<ModerationPage />} />
                <Route path="/digest" element={<DigestPage />} />
                <Route path="/skills-audits" element={<SkillsAuditsPage />} />
                <Route path="/awards" element={<AwardsPage />} />
                <Route path="/learning-networks" element={<LearningNetworksPage />} />
                <Route path="/sign-in" element={<SignInPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
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

/** A partner lands on the master classes: the staff's home page is made of what it may not read. */
function PartnerRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/master-classes" replace />} />
      <Route path="/master-classes" element={<MasterClassesPage />} />
      <Route path="/organisation" element={<PartnerHomePage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
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
      {/* Address changes render at once: a box bound to the address (a facet) must show its tick
          as it is clicked, not when a transition gets round to it. */}
      <BrowserRouter useTransitions={false}>
        <Layout />
      </BrowserRouter>
    </SessionProvider>
  );
}
