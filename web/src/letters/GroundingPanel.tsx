/** The "to check" list beside a letter: names and numbers found in neither the CV nor the offer. */
import { useTranslation } from 'react-i18next';
import { groundingItems, hasGroundingReport } from '../api/letters';

export function GroundingPanel({ grounding }: { grounding: unknown }) {
  const { t } = useTranslation();
  const items = groundingItems(grounding);
  return (
    <section className="panel grounding" aria-labelledby="grounding-title" data-testid="grounding">
      <h2 id="grounding-title">{t('letter.grounding.title')}</h2>
      {!hasGroundingReport(grounding) ? (
        <p className="hint">{t('letter.grounding.none')}</p>
      ) : items.length === 0 ? (
        <p className="success-text">{t('letter.grounding.clean')}</p>
      ) : (
        <>
          <p className="hint">{t('letter.grounding.lead')}</p>
          <ul className="check-list">
            {items.map((item) => (
              <li key={item.text}>
                <strong>{item.text}</strong>
                {item.note ? <span className="hint"> · {item.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
