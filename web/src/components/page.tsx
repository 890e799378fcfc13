/** Small helpers shared by every page: the document title and the one-shot notices passed on navigation. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Sets `document.title` to "<title> · Phoenix Letters" while the page is shown. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

export const NOTICES = [
  'signedOut',
  'accountDeleted',
  'sessionExpired',
  'letterWritten',
  'letterDeleted',
] as const;
export type NoticeKey = (typeof NOTICES)[number];

function isNotice(value: unknown): value is NoticeKey {
  return typeof value === 'string' && (NOTICES as readonly string[]).includes(value);
}

/** Shows the notice a previous page passed in the navigation state, announced politely. */
export function RouteNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  return (
    <div aria-live="polite" className="route-notice-slot">
      {isNotice(notice) ? (
        <p className={notice === 'sessionExpired' ? 'notice' : 'notice success-notice'} data-testid="notice">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
    </div>
  );
}
