/** The letter appearing as it is written; announced once complete (aria-busy while writing). */
import { useTranslation } from 'react-i18next';
import type { StreamState } from './useLetterStream';

export function StreamView({ state, text }: { state: StreamState; text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" className="hint stream-status" data-testid="stream-status" data-state={state}>
        {state === 'writing' ? t('generate.writing') : null}
        {state === 'cancelled' ? t('generate.cancelled') : null}
        {state === 'done' ? t('generate.done') : null}
      </p>
      {text || state === 'writing' ? (
        <section
          className="letter-text stream-text"
          aria-live="polite"
          aria-busy={state === 'writing'}
          aria-label={t('generate.liveLabel')}
          data-testid="stream-text"
        >
          {text}
          {state === 'writing' ? (
            <span className="caret" aria-hidden="true">
              ▍
            </span>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
