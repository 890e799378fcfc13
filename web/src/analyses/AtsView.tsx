/**
 * The ATS Analyzer's answer: the score as a gauge, what each kind of keyword contributes, the missing
 * keywords ranked by what they would add, each with the sentence where it would fit. The free plan
 * sees the score and the five costliest missing keywords.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AtsReport, type FreeAtsReport, isLimitedAts, type KeywordCategory } from '../api/analyses';

const CATEGORIES: KeywordCategory[] = ['hard', 'soft', 'title', 'education', 'other'];

export function ScoreGauge({ score, label, max = 100 }: { score: number; label: string; max?: number }) {
  const { t } = useTranslation();
  const level = score >= 0.75 * max ? 'good' : score >= 0.5 * max ? 'fair' : 'weak';
  return (
    <div className={`score-gauge ${level}`} data-testid="score">
      <span className="score-value" aria-hidden="true">
        {score}
        <small>/{max}</small>
      </span>
      <meter
        min={0}
        max={max}
        low={0.5 * max}
        high={0.75 * max}
        optimum={max}
        value={score}
        aria-label={t('analyses.scoreOf', { label, score, max })}
      />
      <span className="score-label">{t(`analyses.level.${level}`)}</span>
    </div>
  );
}

function MissingList({ report }: { report: AtsReport | FreeAtsReport }) {
  const { t } = useTranslation();
  if (report.missing.length === 0) return <p className="notice">{t('analyses.ats.nothingMissing')}</p>;
  return (
    <ol className="missing-list" data-testid="ats-missing">
      {report.missing.map((keyword) => (
        <li key={keyword.term}>
          <span className="chip missing">{keyword.term}</span>{' '}
          <span className="hint">
            {keyword.required ? t('analyses.ats.required') : t('analyses.ats.niceToHave')} ·{' '}
            {t(`analyses.ats.category.${keyword.category}`)} · +{Math.round(keyword.impact)}{' '}
            {t('analyses.ats.points')}
          </span>
          {'suggestion' in keyword && keyword.suggestion ? (
            <p className="suggestion">
              {t(`analyses.ats.where.${keyword.suggestion.document}`)} <q>{keyword.suggestion.sentence}</q>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function AtsView({ report }: { report: AtsReport | FreeAtsReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <div className="analysis-result" data-testid="ats-result">
      <ScoreGauge score={report.score} label={t('analyses.ats.score')} />
      <p className="hint">{t('analyses.ats.explain')}</p>
      {isLimitedAts(report) ? null : (
        <>
          <h4>{t('analyses.ats.breakdown')}</h4>
          <table className="breakdown" data-testid="ats-breakdown">
            <thead>
              <tr>
                <th scope="col">{t('analyses.ats.kind')}</th>
                <th scope="col">{t('analyses.ats.found')}</th>
                <th scope="col">{t('analyses.ats.coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {CATEGORIES.filter((c) => report.breakdown[c].total > 0).map((category) => {
                const line = report.breakdown[category];
                return (
                  <tr key={category}>
                    <th scope="row">{t(`analyses.ats.category.${category}`)}</th>
                    <td>
                      {line.matched}/{line.total}
                    </td>
                    <td>
                      <span className="bar" style={{ width: `${line.score}%` }} aria-hidden="true" />
                      {line.score} %
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {report.parseability?.issues.length ? (
            <ul className="notice">
              {report.parseability.issues.map((issue) => (
                <li key={issue.code}>{issue.message[language]}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <h4>{t('analyses.ats.missing')}</h4>
      <MissingList report={report} />
      {isLimitedAts(report) ? (
        <p className="upsell">
          {t('analyses.ats.limited')} <Link to="/plan">{t('quota.seePlans')}</Link>
        </p>
      ) : null}
    </div>
  );
}
