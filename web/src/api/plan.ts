/** The plan endpoints (contract/plan.ts) and the cached plan summary every signed-in page shows. */
import { useQuery } from '@tanstack/react-query';
import type { PlanSummary } from '../../../contract/plan';
import { useSession } from '../auth/session';
import { api } from './client';

export type { PlanSummary };

export const PLAN_KEY = ['plan'] as const;

export const getPlan = () => api<PlanSummary>('GET', '/api/plan');

export const redeemBetaCode = (code: string) => api<PlanSummary>('POST', '/api/plan/beta-code', { code });

export const startCheckout = () => api<{ url: string }>('POST', '/api/billing/checkout');

export const openBillingPortal = () => api<{ url: string }>('POST', '/api/billing/portal');

/** The signed-in user's plan and quota; asked only once a session is known (no anonymous 401). */
export function usePlan() {
  const { status } = useSession();
  return useQuery({ queryKey: PLAN_KEY, queryFn: getPlan, enabled: status === 'authenticated' });
}
