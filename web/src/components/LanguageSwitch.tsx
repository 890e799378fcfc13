import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** One button that switches between French and English; labelled in the target language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="link-button"
      lang={next}
      aria-label={t('nav.switchToLabel')}
      onClick={() => setLanguage(next)}
      data-testid="language-switch"
    >
      {t('nav.switchTo')}
    </button>
  );
}
