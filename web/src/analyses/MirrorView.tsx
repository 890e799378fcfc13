/**
 * Mirror Match: the company's register read from the offer (with how sure the reading is), its stated
 * values and words, how many of them the candidate's letter or CV already echoes, and the tone to use.
 */
import { useTranslation } from 'react-i18next';
import type { MirrorReport } from '../api/analyses';
import { ScoreGauge } from './AtsView';

export function MirrorView({ report }: { report: MirrorReport }) {
  const { t } = useTranslation();
  const alignment = report.alignment.letter ?? report.alignment.cv;
  const register = report.register;
  return (
    <div className="analysis-result" data-testid="mirror-result">
      {alignment ? <ScoreGauge score={alignment.score} label={t('analyses.mirror.score')} /> : null}
      {report.cultureSummary ? <p data-testid="mirror-summary">{report.cultureSummary}</p> : null}
      <h4>{t('analyses.mirror.register')}</h4>
      <dl className="facts">
        {(['formality', 'address', 'sector'] as const).map((field) => (
          <div key={field}>
            <dt>{t(`analyses.mirror.${field}`)}</dt>
            <dd>
              {t(`analyses.mirror.reading.${register[field].value}`)}{' '}
              <span className="hint">
                ({t('analyses.mirror.confidence', { percent: Math.round(register[field].confidence * 100) })})
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p data-testid="mirror-tone">
        <strong>
          {t('analyses.mirror.tone', { tone: t(`tones.${report.recommendedTone.tone}.label`) })}
        </strong>{' '}
        {report.recommendedTone.reason}
      </p>
      {alignment ? (
        <>
          <h4>{t('analyses.mirror.valuesTitle')}</h4>
          <ul className="chip-list">
            {alignment.valuesFound
              .filter((hit) => hit.found)
              .map((hit) => (
                <li key={hit.term} className="chip ok">
                  ✓ {hit.term}
                </li>
              ))}
            {alignment.valuesAbsent.map((value) => (
              <li key={value} className="chip missing">
                {value}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul className="chip-list">
          {report.values.map((value) => (
            <li key={value.value} className="chip">
              {value.asWritten}
            </li>
          ))}
        </ul>
      )}
      {report.wordsToReuse.length > 0 ? (
        <>
          <h4>{t('analyses.mirror.reuse')}</h4>
          <ul className="chip-list" data-testid="mirror-words">
            {report.wordsToReuse.map((word) => (
              <li key={word} className="chip">
                {word}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
