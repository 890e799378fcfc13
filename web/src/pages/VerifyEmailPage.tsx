import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmEmailVerification } from '../api/auth';
import { describeError } from '../api/errors';
import { useFragmentToken } from '../auth/fragment-token';
import { SESSION_KEY, useSession } from '../auth/session';
import { usePageTitle } from '../components/page';

/** Opened from the verification e-mail: confirms the address at once, no click needed. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const token = useFragmentToken();
  const queryClient = useQueryClient();
  const { status } = useSession();
  const mutation = useMutation({
    mutationFn: confirmEmailVerification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  const started = useRef(false);
  const { mutate } = mutation;
  useEffect(() => {
    // Once only (React's strict mode runs effects twice in development; the token is single-use).
    if (!token || started.current) return;
    started.current = true;
    mutate(token);
  }, [token, mutate]);

  const signedIn = status === 'authenticated';
  let body: ReactNode;
  if (!token) {
    body = (
      <p role="alert" className="form-alert">
        {t('errors.missingToken')}
      </p>
    );
  } else if (mutation.isSuccess) {
    body = (
      <>
        <p className="success" data-testid="verify-done">
          {t('verify.done')}
        </p>
        <p>
          <Link className="button primary" to={signedIn ? '/app' : '/login'}>
            {signedIn ? t('verify.continue') : t('verify.login')}
          </Link>
        </p>
      </>
    );
  } else if (mutation.isError) {
    body = (
      <>
        <p role="alert" className="form-alert">
          {describeError(mutation.error, t).message}
        </p>
        <p>{t('verify.askNew')}</p>
        <p>
          <Link to={signedIn ? '/account' : '/login'}>{signedIn ? t('nav.account') : t('verify.login')}</Link>
        </p>
      </>
    );
  } else {
    body = <p className="hint">{t('verify.pending')}</p>;
  }

  return (
    <section className="narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <div role="status" aria-live="polite">
        {body}
      </div>
    </section>
  );
}
