/**
 * The four analyses for one CV, offer and (optionally) letter: a button per analysis, the result
 * below it. Analyses the plan does not include show what Premium adds instead of calling the server;
 * a result is kept while the user switches between them.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ANALYSIS_FEATURE,
  type AnalysisName,
  type AnalysisRequest,
  type AnalysisResults,
  runAnalysis,
} from '../api/analyses';
import { usePlan } from '../api/plan';
import { ProblemAlert } from '../components/Problem';
import { formatDateTime } from '../lib/format';
import { AtsView } from './AtsView';
import { CoachView } from './CoachView';
import { MirrorView } from './MirrorView';
import { TrajectoryView } from './TrajectoryView';

type Results = { [K in AnalysisName]?: { result: AnalysisResults[K]; createdAt: string } };

export function AnalysesPanel({
  request,
  available,
  idPrefix = 'analysis',
}: {
  /** What to analyse: documents, letter, tone, career change. */
  request: AnalysisRequest;
  /** The analyses that make sense here (the coach needs a letter). */
  available: readonly AnalysisName[];
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const plan = usePlan();
  const [active, setActive] = useState<AnalysisName | null>(null);
  const [results, setResults] = useState<Results>({});
  const run = useMutation({
    mutationFn: (name: AnalysisName) => runAnalysis(name, request),
    onSuccess: (answer, name) =>
      setResults((previous) => ({
        ...previous,
        [name]: { result: answer.result, createdAt: answer.createdAt },
      })),
  });

  const locked = (name: AnalysisName) => plan.data?.features[ANALYSIS_FEATURE[name]] === false;
  const open = (name: AnalysisName) => {
    setActive(name);
    run.reset();
    if (!locked(name) && !results[name]) run.mutate(name);
  };
  const shown = active ? results[active] : undefined;

  return (
    <div className="analyses-panel">
      <fieldset className="analysis-buttons">
        <legend className="visually-hidden">{t('analyses.choose')}</legend>
        {available.map((name) => (
          <button
            key={name}
            type="button"
            className={active === name ? 'primary' : 'secondary'}
            aria-pressed={active === name}
            aria-controls={`${idPrefix}-result`}
            onClick={() => open(name)}
            data-testid={`run-${name}`}
          >
            {t(`analyses.${name}.name`)}
            {locked(name) ? <span className="plan-badge premium small-badge">Premium</span> : null}
          </button>
        ))}
      </fieldset>
      <div id={`${idPrefix}-result`} aria-live="polite" aria-busy={run.isPending}>
        {active ? <p className="hint">{t(`analyses.${active}.lead`)}</p> : null}
        {active && locked(active) ? (
          <div className="notice upsell" data-testid="analysis-locked">
            <p>{t('analyses.premiumOnly', { name: t(`analyses.${active}.name`) })}</p>
            <p>
              <Link to="/plan">{t('quota.seePlans')}</Link>
            </p>
          </div>
        ) : null}
        {run.isPending ? (
          <p role="status" className="hint">
            {t('analyses.running')}
          </p>
        ) : null}
        <ProblemAlert error={run.error} testId="analysis-error" />
        {active && shown ? (
          <>
            {active === 'ats' ? <AtsView report={(shown as NonNullable<Results['ats']>).result} /> : null}
            {active === 'mirror' ? (
              <MirrorView report={(shown as NonNullable<Results['mirror']>).result} />
            ) : null}
            {active === 'coach' ? (
              <CoachView report={(shown as NonNullable<Results['coach']>).result} />
            ) : null}
            {active === 'trajectory' ? (
              <TrajectoryView trajectory={(shown as NonNullable<Results['trajectory']>).result} />
            ) : null}
            <p className="hint">
              {t('analyses.doneAt', { date: formatDateTime(shown.createdAt, i18n.language) })}
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
