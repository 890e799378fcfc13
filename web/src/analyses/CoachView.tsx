/**
 * Smart Coach: an overall mark, one bar per criterion with its summary, then what to change, most
 * serious first, each with the sentence concerned and a concrete suggestion; clichés with a rewrite.
 */
import { useTranslation } from 'react-i18next';
import type { CoachReport } from '../api/analyses';
import { ScoreGauge } from './AtsView';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function CoachView({ report }: { report: CoachReport }) {
  const { t } = useTranslation();
  const findings = [...report.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return (
    <div className="analysis-result" data-testid="coach-result">
      <ScoreGauge score={report.overall} label={t('analyses.coach.overall')} />
      <h4>{t('analyses.coach.criteria')}</h4>
      <ul className="criteria" data-testid="coach-criteria">
        {report.criteria.map((criterion) => (
          <li key={criterion.id}>
            <span className="criterion-name">{t(`analyses.coach.criterion.${criterion.id}`)}</span>
            {criterion.score === null ? (
              <span className="hint">{t('analyses.coach.notScored')}</span>
            ) : (
              <>
                <meter
                  min={0}
                  max={10}
                  low={5}
                  high={7.5}
                  optimum={10}
                  value={criterion.score}
                  aria-label={t(`analyses.coach.criterion.${criterion.id}`)}
                />
                <span className="criterion-score">{criterion.score}/10</span>
              </>
            )}
            <span className="hint criterion-summary">{criterion.summary}</span>
          </li>
        ))}
      </ul>
      {report.cliches.length > 0 ? (
        <>
          <h4>{t('analyses.coach.cliches')}</h4>
          <ul className="findings" data-testid="coach-cliches">
            {report.cliches.map((cliche) => (
              <li key={`${cliche.phrase.start}`}>
                <q className="excerpt">{cliche.phrase.text}</q> → {cliche.rewrite}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('analyses.coach.findings')}</h4>
      {findings.length === 0 ? (
        <p className="notice">{t('analyses.coach.noFinding')}</p>
      ) : (
        <ul className="findings" data-testid="coach-findings">
          {findings.map((finding) => (
            <li
              key={`${finding.code}-${finding.criterion}-${finding.sentence?.start ?? finding.excerpt?.start ?? 'letter'}`}
              className={`finding ${finding.severity}`}
            >
              <span className="severity">{t(`analyses.coach.severity.${finding.severity}`)}</span>{' '}
              {finding.message}
              {finding.excerpt ? (
                <>
                  {' '}
                  <q className="excerpt">{finding.excerpt.text}</q>
                </>
              ) : null}
              <p className="suggestion">{finding.suggestion}</p>
              {finding.rewrite ? (
                <p className="suggestion rewrite" data-testid="coach-rewrite">
                  {t('analyses.coach.rewrite')} <q>{finding.rewrite}</q>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
