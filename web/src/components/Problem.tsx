/**
 * An API failure told in words, with the way out when there is one: the renewal date and the plan
 * page for a used-up quota, the plan page for a Premium feature.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client';
import { describeError, type ErrorOverrides } from '../api/errors';
import { formatDate } from '../lib/format';

export function ProblemAlert({
  error,
  overrides,
  testId,
}: {
  error: unknown;
  overrides?: ErrorOverrides;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.code === 'quota_exceeded') {
    const resetsAt = typeof error.details?.resetsAt === 'string' ? error.details.resetsAt : null;
    const premium = error.details?.plan === 'premium';
    return (
      <div role="alert" className="form-alert" data-testid={testId ?? 'quota-exceeded'}>
        <p>
          {premium ? t('quota.exceededPremium') : t('quota.exceeded')}{' '}
          {resetsAt ? t('quota.renewsOn', { date: formatDate(resetsAt, i18n.language) }) : null}
        </p>
        {premium ? null : (
          <p>
            <Link to="/plan">{t('quota.seePlans')}</Link>
          </p>
        )}
      </div>
    );
  }
  if (isApiError(error) && error.code === 'premium_required') {
    return (
      <div role="alert" className="form-alert" data-testid={testId ?? 'premium-required'}>
        <p>{describeError(error, t, overrides).message}</p>
        <p>
          <Link to="/plan">{t('quota.seePlans')}</Link>
        </p>
      </div>
    );
  }
  return (
    <p role="alert" className="form-alert" data-testid={testId}>
      {describeError(error, t, overrides).message}
    </p>
  );
}
