/**
 * /plan: what Free and Premium give, as the server states it (no invented figures), the price
 * label from the configuration, upgrade and subscription management, and beta-tester codes.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import {
  openBillingPortal,
  PLAN_KEY,
  type PlanSummary,
  redeemBetaCode,
  startCheckout,
  usePlan,
} from '../api/plan';
import { StatusMessage } from '../components/form';
import { ProblemAlert } from '../components/Problem';
import { usePageTitle } from '../components/page';
import { formatDate } from '../lib/format';

function FeatureList({ features }: { features: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="feature-list">
      {features.map((feature) => (
        <li key={feature}>{t(`plan.features.${feature}`, { defaultValue: feature })}</li>
      ))}
    </ul>
  );
}

function BetaCodeForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const redeem = useMutation({
    mutationFn: redeemBetaCode,
    onSuccess: (summary) => {
      queryClient.setQueryData(PLAN_KEY, summary);
      setCode('');
      setResult(
        summary.premiumEndsAt
          ? t('plan.beta.doneUntil', { date: formatDate(summary.premiumEndsAt, i18n.language) })
          : t('plan.beta.done'),
      );
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (code.trim().length >= 4) redeem.mutate(code.trim());
  };
  const reason = isApiError(redeem.error) ? redeem.error.details?.reason : undefined;
  const overrides =
    isApiError(redeem.error) && redeem.error.code === 'not_found'
      ? { not_found: 'plan.beta.unknown' }
      : typeof reason === 'string' && ['expired', 'exhausted', 'already_redeemed'].includes(reason)
        ? { conflict: `plan.beta.${reason}` }
        : {};
  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby="beta-title">
      <h2 id="beta-title">{t('plan.beta.title')}</h2>
      <p className="hint">{t('plan.beta.lead')}</p>
      <div className="field">
        <label htmlFor="beta-code">{t('plan.beta.label')}</label>
        <input
          id="beta-code"
          type="text"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          aria-invalid={redeem.isError ? true : undefined}
        />
      </div>
      {redeem.isError ? (
        <ProblemAlert error={redeem.error} overrides={overrides} testId="beta-error" />
      ) : null}
      <StatusMessage message={result} testId="beta-result" />
      <div className="actions">
        <button type="submit" className="primary" disabled={redeem.isPending || code.trim().length < 4}>
          {redeem.isPending ? t('common.sending') : t('plan.beta.submit')}
        </button>
      </div>
    </form>
  );
}

function CurrentPlan({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(plan.quota.resetsAt, i18n.language);
  const premium = plan.plan === 'premium';
  return (
    <section className="panel current-plan" aria-labelledby="current-plan-title" data-testid="current-plan">
      <h2 id="current-plan-title">{t('plan.current')}</h2>
      <p className="plan-name">
        <span className={premium ? 'plan-badge premium' : 'plan-badge'}>
          {premium ? 'Premium' : t('plan.free')}
        </span>
        {premium && plan.source ? <span className="hint"> · {t(`plan.source.${plan.source}`)}</span> : null}
      </p>
      {premium ? (
        <p data-testid="premium-ends">
          {plan.premiumEndsAt
            ? t('plan.endsOn', { date: formatDate(plan.premiumEndsAt, i18n.language) })
            : t('plan.noEnd')}
        </p>
      ) : null}
      <p>
        {premium
          ? t('plan.usedFairUse', { count: plan.quota.used, limit: plan.quota.limit, date })
          : t('plan.used', { count: plan.quota.used, limit: plan.quota.limit, date })}
      </p>
    </section>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('plan.title'));
  const plan = usePlan();
  const [params] = useSearchParams();
  const checkoutResult = params.get('checkout');
  const [billingError, setBillingError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const go = async (open: () => Promise<{ url: string }>) => {
    setBillingError(null);
    setBusy(true);
    try {
      const { url } = await open();
      window.location.assign(url);
    } catch (failure) {
      setBillingError(failure);
      setBusy(false);
    }
  };

  if (plan.isPending) {
    return (
      <p role="status" className="hint">
        {t('common.loading')}
      </p>
    );
  }
  if (plan.isError) {
    return (
      <section aria-labelledby="plan-title">
        <h1 id="plan-title">{t('plan.title')}</h1>
        <ProblemAlert error={plan.error} />
        <button type="button" className="secondary" onClick={() => void plan.refetch()}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
  const data = plan.data;
  const unlocks = data.premium.unlocks;
  const freeFeatures = Object.keys(data.features).filter((feature) => !unlocks.includes(feature));
  const premium = data.plan === 'premium';

  return (
    <section aria-labelledby="plan-title" className="plan-page">
      <h1 id="plan-title">{t('plan.title')}</h1>
      {checkoutResult === 'success' ? (
        <p className="notice success-notice" role="status">
          {t('plan.checkoutSuccess')}
        </p>
      ) : null}
      {checkoutResult === 'cancelled' ? (
        <p className="notice" role="status">
          {t('plan.checkoutCancelled')}
        </p>
      ) : null}
      <CurrentPlan plan={data} />

      <div className="plan-compare">
        <section className="panel" aria-labelledby="free-title">
          <h2 id="free-title">{t('plan.free')}</h2>
          <p className="price">{t('plan.freePrice')}</p>
          <p>
            <strong>{t('plan.freeLetters', { count: data.freeLettersPerMonth })}</strong>
          </p>
          <FeatureList features={freeFeatures} />
        </section>
        <section className="panel premium-panel" aria-labelledby="premium-title">
          <h2 id="premium-title">Premium</h2>
          <p className="price" data-testid="price-label">
            {data.premium.priceLabel}
          </p>
          <p>
            <strong>{t('plan.premiumLetters', { count: data.premium.lettersPerMonth })}</strong>
          </p>
          <p className="hint">{t('plan.fairUseHint')}</p>
          <p>{t('plan.everythingFree')}</p>
          <FeatureList features={unlocks} />
          <div className="actions">
            {premium ? null : (
              <button
                type="button"
                className="primary"
                onClick={() => void go(startCheckout)}
                disabled={busy}
              >
                {t('plan.upgrade')}
              </button>
            )}
            {data.source === 'stripe' || !premium ? (
              <button
                type="button"
                className="secondary"
                onClick={() => void go(openBillingPortal)}
                disabled={busy}
              >
                {t('plan.manage')}
              </button>
            ) : null}
          </div>
          {data.premium.paymentConfigured || billingError || premium ? null : (
            <p className="hint">{t('plan.paymentNotConfigured')}</p>
          )}
          {billingError ? <ProblemAlert error={billingError} testId="billing-error" /> : null}
        </section>
      </div>

      <div className="panel">
        <BetaCodeForm />
      </div>
    </section>
  );
}
