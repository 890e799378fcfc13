import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page';

const FEATURES = ['letter', 'ats', 'mirror', 'coach', 'trajectory', 'privacy'] as const;

/** What Phoenix Letters does for a career changer, in their language. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.landing'));
  const steps = t('landing.steps', { returnObjects: true }) as string[];
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <p className="actions">
          <Link className="button primary" to="/register">
            {t('landing.cta')}
          </Link>
          <a className="button" href="#how">
            {t('landing.secondary')}
          </a>
        </p>
      </section>
      <section aria-labelledby="features-title">
        <h2 id="features-title">{t('landing.featuresTitle')}</h2>
        <ul className="cards">
          {FEATURES.map((key) => (
            <li key={key} className="card">
              <h3>{t(`landing.features.${key}.title`)}</h3>
              <p>{t(`landing.features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section id="how" aria-labelledby="how-title">
        <h2 id="how-title">{t('landing.stepsTitle')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="plan-title" className="plan-teaser">
        <h2 id="plan-title">{t('landing.planTitle')}</h2>
        <p>{t('landing.planBody')}</p>
      </section>
    </>
  );
}
