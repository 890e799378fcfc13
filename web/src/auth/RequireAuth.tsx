import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../api/errors';
import { useSession, useSessionActions } from './session';

/** Where to go after logging in: only a path of this site (never `//other.host` or a full URL). */
export function safeNext(next: string | null | undefined, fallback = '/app'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** Route guard: shows its child routes to a signed-in user, sends anyone else to /login?next=…. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { status, error, refetch } = useSession({ probe: true });
  const { expired, exit } = useSessionActions();

  if (status === 'authenticated') return <Outlet />;
  if (status === 'anonymous') {
    // A deliberate exit (log out, deletion) has its own destination: ExitRedirect takes the user there.
    if (exit) return null;
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(next)}`}
        replace
        state={expired ? { notice: 'sessionExpired' } : undefined}
      />
    );
  }
  if (status === 'error') {
    return (
      <div className="stack-page">
        <p role="alert" className="form-alert">
          {describeError(error, t).message}
        </p>
        <button type="button" className="secondary" onClick={() => void refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return (
    <p role="status" className="hint">
      {t('common.loading')}
    </p>
  );
}

/**
 * Takes the user to the destination of a deliberate exit. Rendered by the layout, so it works from
 * any page; the guard above steps aside meanwhile (router navigations are transitions, so the
 * emptied session may be rendered before the new location).
 */
export function ExitRedirect() {
  const { exit, clearExit } = useSessionActions();
  const { pathname } = useLocation();
  const arrived = exit !== null && pathname === exit.to;
  useEffect(() => {
    if (arrived) clearExit();
  }, [arrived, clearExit]);
  if (!exit || arrived) return null;
  return <Navigate to={exit.to} replace state={exit.notice ? { notice: exit.notice } : undefined} />;
}
