/**
 * Trajectory Builder: from the current job to the target one — what carries over (with the CV's own
 * proof), what is missing (most important first), and a dated plan of steps on a timeline.
 */
import { useTranslation } from 'react-i18next';
import type { Trajectory } from '../api/analyses';

export function TrajectoryView({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const label = (o: Trajectory['from']) => o.label ?? o.input;
  return (
    <div className="analysis-result" data-testid="trajectory-result">
      <p className="trajectory-route">
        <strong>{label(trajectory.from)}</strong> → <strong>{label(trajectory.to)}</strong> ·{' '}
        {t('analyses.trajectory.weeks', { count: trajectory.totalWeeks })}
      </p>
      <p>{trajectory.summary}</p>
      {trajectory.advice ? (
        <p className="notice" data-testid="trajectory-advice">
          {trajectory.advice}
        </p>
      ) : null}
      <div className="two-columns">
        <section>
          <h4>{t('analyses.trajectory.transferable')}</h4>
          <ul className="skill-list" data-testid="trajectory-transferable">
            {trajectory.transferable.map((skill) => (
              <li key={skill.skill}>
                <span className="chip ok">{skill.skill}</span>
                <span className="hint evidence">{skill.evidence}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h4>{t('analyses.trajectory.gaps')}</h4>
          <ol className="skill-list" data-testid="trajectory-gaps">
            {trajectory.gaps.map((gap) => (
              <li key={gap.skill}>
                <span className="chip missing">{gap.skill}</span>{' '}
                <span className="hint">
                  {t(`analyses.trajectory.importance.${gap.importance}`)} — {gap.reason}
                </span>
              </li>
            ))}
          </ol>
          {trajectory.omittedGaps > 0 ? (
            <p className="hint">{t('analyses.trajectory.omitted', { count: trajectory.omittedGaps })}</p>
          ) : null}
        </section>
      </div>
      <h4>{t('analyses.trajectory.plan')}</h4>
      <ol className="timeline" data-testid="trajectory-steps">
        {trajectory.steps.map((step) => (
          <li key={`${step.kind}-${step.startWeek}-${step.title}`} className={`step ${step.kind}`}>
            <span className="when">
              {t('analyses.trajectory.span', { from: step.startWeek + 1, to: step.startWeek + step.weeks })}
            </span>
            <strong>{step.title}</strong>
            <p>{step.detail}</p>
          </li>
        ))}
      </ol>
      {trajectory.routes.length > 0 ? (
        <>
          <h4>{t('analyses.trajectory.routes')}</h4>
          <ul>
            {trajectory.routes.map((route) => (
              <li key={route.name}>
                <strong>{route.name}</strong> — {route.when}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
