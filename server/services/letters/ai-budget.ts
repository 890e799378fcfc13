/**
 * Cost controls on paid AI engines: a per-user daily token ceiling (429 until midnight UTC) and a
 * global daily ceiling that stops every generation (503) before the bill runs away. Tokens are the
 * ones recorded with each generated version; the offline engine costs nothing and is not counted.
 */
import { AppError } from '../../core/errors';
import type { Clock } from '../../ports/clock';
import type { LetterStore } from '../../ports/document-stores';

export interface AiBudget {
  perUserDailyTokens: number;
  totalDailyTokens: number;
}

export async function checkAiBudget(
  deps: { letters: LetterStore; clock: Clock; aiBudget: AiBudget | null },
  userId: string,
): Promise<void> {
  if (!deps.aiBudget) return;
  const now = deps.clock.now();
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const nextDay = new Date(dayStart.getTime() + 86_400_000);
  const [total, mine] = await Promise.all([
    deps.letters.tokensUsedSince(dayStart),
    deps.letters.tokensUsedSince(dayStart, userId),
  ]);
  const retryAfterSeconds = Math.ceil((nextDay.getTime() - now.getTime()) / 1000);
  if (total >= deps.aiBudget.totalDailyTokens) {
    throw new AppError(
      'ai_unavailable',
      {
        fr: 'Le service d’écriture a atteint sa limite du jour. Rien n’a été décompté ; réessayez demain.',
        en: 'The writing service has reached its limit for today. Nothing was counted; try again tomorrow.',
      },
      { reason: 'daily_budget', retryAfterSeconds },
    );
  }
  if (mine >= deps.aiBudget.perUserDailyTokens) {
    throw new AppError(
      'ai_budget_exceeded',
      {
        fr: 'Vous avez atteint la limite d’écriture du jour. Elle se renouvelle à minuit (UTC).',
        en: 'You have reached today’s writing limit. It renews at midnight (UTC).',
      },
      { resetsAt: nextDay.toISOString(), retryAfterSeconds },
    );
  }
}
