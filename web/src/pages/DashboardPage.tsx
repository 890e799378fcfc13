import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LETTERS_KEY, listLetters } from '../api/letters';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/Problem';
import { usePageTitle } from '../components/page';
import { formatDateTime } from '../lib/format';

/** The signed-in home: the user's letters, newest first, and the way to write a new one. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const { user } = useSession({ probe: true });
  const letters = useQuery({ queryKey: LETTERS_KEY, queryFn: listLetters });
  const list = [...(letters.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  // The page appears whole once the list is known, so it never says "no letters" while loading.
  if (letters.isPending) {
    return (
      <p role="status" className="hint">
        {t('common.loading')}
      </p>
    );
  }
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {user ? <p className="lead">{t('dashboard.welcome', { name: user.displayName })}</p> : null}
      {user && !user.emailVerified ? (
        <p className="notice" data-testid="verify-reminder">
          {t('dashboard.verifyNotice', { email: user.email })}{' '}
          <Link to="/account">{t('dashboard.verifyLink')}</Link>
        </p>
      ) : null}
      <p className="actions">
        <Link className="button primary" to="/letters/new">
          {t('dashboard.newLetter')}
        </Link>
      </p>
      {letters.isError ? (
        <div>
          <ProblemAlert error={letters.error} />
          <button type="button" className="secondary" onClick={() => void letters.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {letters.isSuccess && list.length === 0 ? (
        <div className="empty-state">
          <p>{t('dashboard.empty')}</p>
          <p className="hint">{t('dashboard.emptyHint')}</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <ul className="letter-list" data-testid="letter-list">
          {list.map((letter) => (
            <li key={letter.id} className="letter-card">
              <h2 className="letter-card-title">
                <Link to={`/letters/${letter.id}`}>{letter.title}</Link>
              </h2>
              <p className="letter-card-meta">
                {[letter.role, letter.company].filter(Boolean).join(' · ') || t('dashboard.noCompany')}
              </p>
              <p className="hint letter-card-meta">
                <span className={`status-badge status-${letter.status}`}>
                  {t(`letter.status.${letter.status}`)}
                </span>{' '}
                {t('dashboard.updated', { date: formatDateTime(letter.updatedAt, i18n.language) })}
                {' · '}
                {t('dashboard.version', { n: letter.currentVersion })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
