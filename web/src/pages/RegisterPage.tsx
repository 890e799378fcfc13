import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { login, register } from '../api/auth';
import { isApiError } from '../api/client';
import { useSession, useSessionActions } from '../auth/session';
import {
  CheckboxField,
  FormAlert,
  looksLikeEmail,
  PasswordField,
  PasswordHints,
  passwordProblemKey,
  TextField,
  useFormErrors,
} from '../components/form';
import { usePageTitle } from '../components/page';
import type { UiLanguage } from '../i18n';

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const { status } = useSession();
  const { signedIn } = useSessionActions();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguageChoice] = useState<UiLanguage>(i18n.language === 'en' ? 'en' : 'fr');
  const [acceptPrivacyNotice, setAcceptPrivacyNotice] = useState(false);
  const [confirmAdult, setConfirmAdult] = useState(false);
  /** Registered, but the automatic login failed: the address already had an account. */
  const [existing, setExisting] = useState<string | null>(null);
  const errors = useFormErrors();

  const mutation = useMutation({
    mutationFn: async () => {
      const credentials = { email: email.trim(), password };
      const accepted = await register({
        ...credentials,
        displayName: displayName.trim(),
        language,
        acceptPrivacyNotice: true,
        confirmAdult: true,
      });
      try {
        return { session: await login(credentials), accepted };
      } catch (error) {
        // Same 202 whether the address was new or not: a refused login means it was not.
        if (isApiError(error) && error.status === 401) return { session: null, accepted };
        throw error;
      }
    },
    onSuccess: ({ session, accepted }) => {
      if (session) {
        signedIn(session);
        navigate('/app', { replace: true });
      } else {
        setExisting(accepted.message);
      }
    },
    onError: errors.fail,
  });

  if (status === 'authenticated' && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to="/app" replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setExisting(null);
    const refused: Record<string, string> = {};
    if (!looksLikeEmail(email)) refused.email = 'errors.fields.email';
    if (!displayName.trim() || displayName.trim().length > 100)
      refused.displayName = 'errors.fields.displayName';
    const passwordKey = passwordProblemKey(password, {
      email: email.trim(),
      displayName: displayName.trim(),
    });
    if (passwordKey) refused.password = passwordKey;
    if (!acceptPrivacyNotice) refused.acceptPrivacyNotice = 'errors.fields.acceptPrivacyNotice';
    if (!confirmAdult) refused.confirmAdult = 'errors.fields.confirmAdult';
    if (errors.refuse(refused)) return;
    errors.clear();
    mutation.mutate();
  };

  const privacyPoints = t('register.privacyPoints', { returnObjects: true }) as string[];

  return (
    <section className="narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <p className="lead">{t('register.lead')}</p>
      {existing ? (
        <div role="status" className="notice" data-testid="register-existing">
          <p>{existing}</p>
          <p>{t('register.existing')}</p>
          <p className="actions">
            <Link className="button primary" to="/login">
              {t('register.login')}
            </Link>
            <Link className="button" to="/forgot-password">
              {t('login.forgot')}
            </Link>
          </p>
        </div>
      ) : null}
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          id="register-email"
          label={t('form.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          maxLength={254}
        />
        <TextField
          id="register-name"
          label={t('form.displayName')}
          hint={t('form.displayNameHint')}
          autoComplete="given-name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.fields.displayName}
          maxLength={100}
        />
        <PasswordField
          id="register-password"
          label={t('form.password')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          extraDescribedBy="register-password-rules"
        >
          <PasswordHints
            id="register-password-rules"
            password={password}
            email={email.trim()}
            displayName={displayName.trim()}
          />
        </PasswordField>
        <div className="field">
          <label htmlFor="register-language">{t('form.language')}</label>
          <select
            id="register-language"
            value={language}
            onChange={(event) => setLanguageChoice(event.target.value === 'en' ? 'en' : 'fr')}
          >
            <option value="fr" lang="fr">
              {t('languages.fr')}
            </option>
            <option value="en" lang="en">
              {t('languages.en')}
            </option>
          </select>
        </div>
        <details className="privacy-summary">
          <summary>{t('register.privacySummary')}</summary>
          <ul>
            {privacyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </details>
        <CheckboxField
          id="register-privacy"
          label={t('register.privacy')}
          checked={acceptPrivacyNotice}
          onChange={setAcceptPrivacyNotice}
          error={errors.fields.acceptPrivacyNotice}
        />
        <CheckboxField
          id="register-adult"
          label={t('register.adult')}
          checked={confirmAdult}
          onChange={setConfirmAdult}
          error={errors.fields.confirmAdult}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </p>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
      </p>
    </section>
  );
}
