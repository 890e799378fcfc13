import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmEmailChange } from '../api/auth';
import { isApiError } from '../api/client';
import { describeError } from '../api/errors';
import { useFragmentToken } from '../auth/fragment-token';
import { SESSION_KEY, useSession } from '../auth/session';
import { usePageTitle } from '../components/page';

/** Opened from the link sent to the new address: one explicit click moves the account to it. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  usePageTitle(t('confirmEmail.title'));
  const token = useFragmentToken();
  const queryClient = useQueryClient();
  const { status } = useSession();
  const signedIn = status === 'authenticated';
  const mutation = useMutation({
    mutationFn: confirmEmailChange,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  // A used, expired or unusable link stays so; a network or rate-limit failure can be retried.
  const final = isApiError(mutation.error) && ['invalid_request', 'conflict'].includes(mutation.error.code);

  return (
    <section className="narrow" aria-labelledby="confirm-email-title">
      <h1 id="confirm-email-title">{t('confirmEmail.title')}</h1>
      {!token ? (
        <p role="alert" className="form-alert">
          {t('errors.missingToken')}
        </p>
      ) : mutation.isSuccess ? (
        <>
          <p role="status" className="success" data-testid="confirm-email-done">
            {t('confirmEmail.done')}
          </p>
          <p>
            <Link className="button primary" to={signedIn ? '/account' : '/login'}>
              {signedIn ? t('nav.account') : t('nav.login')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('confirmEmail.lead')}</p>
          {mutation.isError ? (
            <>
              <p role="alert" className="form-alert">
                {describeError(mutation.error, t, { conflict: 'errors.emailTaken' }).message}
              </p>
              {final ? <p>{t('confirmEmail.askNew')}</p> : null}
            </>
          ) : null}
          <p className="actions">
            <button
              type="button"
              className="primary"
              disabled={mutation.isPending || final}
              onClick={() => mutation.mutate(token)}
            >
              {mutation.isPending ? t('common.sending') : t('confirmEmail.submit')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
