/** The plan and what is left of this month's letters, always in view for a signed-in user. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlan } from '../api/plan';
import { useSession } from '../auth/session';
import { formatDate } from '../lib/format';

export function QuotaStatus() {
  const { t, i18n } = useTranslation();
  const { status } = useSession();
  const plan = usePlan();
  if (status !== 'authenticated' || !plan.data) return null;
  const { quota, premiumEndsAt, source } = plan.data;
  const date = formatDate(quota.resetsAt, i18n.language);
  let text: string;
  if (plan.data.plan === 'premium') {
    text = premiumEndsAt
      ? t(source === 'beta' ? 'quota.premiumBetaUntil' : 'quota.premiumUntil', {
          date: formatDate(premiumEndsAt, i18n.language),
        })
      : t('quota.premium');
  } else if (quota.remaining > 0) {
    text = t('quota.remaining', { count: quota.remaining, date });
  } else {
    text = t('quota.none', { date });
  }
  return (
    <p className="quota-status" data-testid="quota-status" data-plan={plan.data.plan}>
      <span className={plan.data.plan === 'premium' ? 'plan-badge premium' : 'plan-badge'}>
        {plan.data.plan === 'premium' ? 'Premium' : t('plan.free')}
      </span>{' '}
      <span>{text}</span>{' '}
      <Link to="/plan" className="quota-link">
        {plan.data.plan === 'premium' ? t('quota.myPlan') : t('quota.seePlans')}
      </Link>
    </p>
  );
}
