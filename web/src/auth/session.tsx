/**
 * The signed-in user, as TanStack Query's cached answer of GET /api/me (key ['session']).
 * `null` means "no session": /api/me answered 401 and the one silent refresh did too.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getMe, logout } from '../api/auth';
import { isApiError, type SessionInfo, session, type User } from '../api/client';
import type { NoticeKey } from '../components/page';
import { setLanguage } from '../i18n';

export const SESSION_KEY = ['session'] as const;

async function loadUser(): Promise<User | null> {
  try {
    const user = await getMe();
    session.confirmed();
    return user;
  } catch (error) {
    // The client already tried one refresh: a 401 here means the session is over.
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** Where to go when the user leaves on purpose (log out, account deleted), and what to tell them there. */
export interface Exit {
  to: string;
  notice?: NoticeKey;
}

interface SessionContextValue {
  /** The session ended by itself (not by "log out") since the user last signed in. */
  expired: boolean;
  /** Set by a deliberate exit until the destination is reached (see `ExitRedirect`). */
  exit: Exit | null;
  clearExit(): void;
  signedIn(info: SessionInfo): void;
  /** Logs out on the server (a failure is thrown: the cookies may still be valid), then leaves. */
  signOut(exit: Exit): Promise<void>;
  /** The account is gone or its sessions were ended elsewhere: forget everything, then leave. */
  forget(exit?: Exit): void;
  setUser(user: User): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const [exit, setExit] = useState<Exit | null>(null);

  const forget = useCallback(() => {
    session.ended();
    // Drop every cached answer that belonged to the previous user.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type === 'refreshed') {
          queryClient.setQueryData(SESSION_KEY, event.user);
          return;
        }
        const hadUser = Boolean(queryClient.getQueryData<User | null>(SESSION_KEY));
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
        queryClient.setQueryData(SESSION_KEY, null);
        if (hadUser) setExpired(true);
      }),
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      expired,
      exit,
      clearExit() {
        setExit(null);
      },
      signedIn(info) {
        setExpired(false);
        setExit(null);
        queryClient.setQueryData(SESSION_KEY, info.user);
        // The account's language is the user's remembered choice, on any device.
        setLanguage(info.user.language);
      },
      async signOut(destination) {
        await logout();
        setExit(destination);
        setExpired(false);
        forget();
      },
      forget(destination) {
        if (destination) setExit(destination);
        setExpired(false);
        forget();
      },
      setUser(user) {
        queryClient.setQueryData(SESSION_KEY, user);
      },
    }),
    [expired, exit, forget, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionActions(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionActions outside SessionProvider');
  return value;
}

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous' | 'error';

/**
 * The current user. `probe` asks the server even when this tab has never seen a session
 * (protected pages do); by default public pages only ask when a session may exist, so an
 * anonymous visitor never triggers a 401.
 */
export function useSession(options: { probe?: boolean } = {}) {
  const probe = options.probe ?? session.mightBeSignedIn();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: loadUser,
    enabled: probe,
    staleTime: 60_000,
    retry: (failures, error) =>
      failures < 1 && !(isApiError(error) && error.status > 0 && error.status < 500),
  });
  let status: SessionStatus;
  if (query.data) status = 'authenticated';
  else if (query.data === null || (!probe && query.data === undefined)) status = 'anonymous';
  else if (query.isError) status = 'error';
  else status = 'loading';
  return { user: query.data ?? null, status, error: query.error, refetch: query.refetch };
}
