import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { describeError } from '../api/errors';
import { ExitRedirect } from '../auth/RequireAuth';
import { useSession, useSessionActions } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { RouteNotice } from './page';
import { QuotaStatus } from './QuotaStatus';

/**
 * After a client-side navigation, moves the focus to the new page's heading (or the main area)
 * so screen readers announce it; the first load keeps the browser's own order (skip link first).
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    const target = heading ?? document.getElementById('main');
    if (!target) return;
    if (target === heading) heading.tabIndex = -1;
    target.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);
}

function AccountNav() {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const { signOut } = useSessionActions();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'authenticated' && user) {
    const onLogout = async () => {
      setBusy(true);
      setError(null);
      try {
        await signOut({ to: '/login', notice: 'signedOut' });
      } catch (failure) {
        setError(describeError(failure, t).message);
      } finally {
        setBusy(false);
      }
    };
    return (
      <>
        <NavLink to="/app" end>
          {t('nav.letters')}
        </NavLink>
        <NavLink to="/analyses">{t('nav.analyses')}</NavLink>
        <NavLink to="/account">{t('nav.account')}</NavLink>
        <span className="user-name" data-testid="user-name">
          <span className="visually-hidden">{t('nav.signedInAs')} </span>
          {user.displayName}
        </span>
        <button type="button" className="link-button" onClick={onLogout} disabled={busy}>
          {t('nav.logout')}
        </button>
        {error ? (
          <span role="alert" className="field-error">
            {error}
          </span>
        ) : null}
      </>
    );
  }
  if (status === 'loading') return null;
  return (
    <>
      <NavLink to="/login">{t('nav.login')}</NavLink>
      <NavLink to="/register" className="button primary small">
        {t('nav.register')}
      </NavLink>
    </>
  );
}

/** Page frame: skip link, header with navigation, main landmark, footer with attributions. */
export function Layout() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          <AccountNav />
          <LanguageSwitch />
        </nav>
        <QuotaStatus />
      </header>
      <ExitRedirect />
      <main id="main" tabIndex={-1}>
        <RouteNotice />
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.attribution')}</p>
      </footer>
    </>
  );
}
