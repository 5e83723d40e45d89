import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Who is signed in: the token the gateway verifies, and what the page may offer them. */
export interface Session {
  readonly user: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly clearances: readonly string[];
  readonly token: string;
}

export interface DemoUser {
  readonly user: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly clearances: readonly string[];
}

interface SessionContextValue {
  readonly session: Session | null;
  readonly signIn: (user: DemoUser) => Promise<void>;
  readonly signOut: () => void;
}

const STORAGE_KEY = 'ebp.session';
const SessionContext = createContext<SessionContextValue | null>(null);

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The problem detail of an RFC 9457 response, or the status line. */
export async function problemDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: string; title?: string };
    return body.detail ?? body.title ?? `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/**
 * Sign-in with the development issuer's demo users (all-in-one mode). The token lives in this
 * tab's session storage only, so closing the tab signs out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const signIn = useCallback(async (user: DemoUser) => {
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: user.user }),
    });
    if (!response.ok) throw new Error(await problemDetail(response));
    const { token } = (await response.json()) as { token: string };
    const next: Session = { ...user, token };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** True when the signed-in user has one of the roles. */
export const hasRole = (session: Session | null, ...roles: string[]) =>
  session !== null && session.roles.some((role) => roles.includes(role));
