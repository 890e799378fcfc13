import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { login } from '../api/auth';
import { safeNext } from '../auth/RequireAuth';
import { useSession, useSessionActions } from '../auth/session';
import { FormAlert, looksLikeEmail, PasswordField, TextField, useFormErrors } from '../components/form';
import { usePageTitle } from '../components/page';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { status } = useSession();
  const { signedIn } = useSessionActions();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors({ unauthenticated: 'errors.badCredentials' });

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (info) => {
      signedIn(info);
      navigate(next, { replace: true });
    },
    onError: errors.fail,
  });

  if (status === 'authenticated' && !mutation.isPending) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const refused: Record<string, string> = {};
    if (!looksLikeEmail(email)) refused.email = 'errors.fields.email';
    if (!password) refused.password = 'errors.fields.password';
    if (errors.refuse(refused)) return;
    errors.clear();
    mutation.mutate({ email: email.trim(), password });
  };

  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          id="login-email"
          label={t('form.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <PasswordField
          id="login-password"
          label={t('form.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('login.submitting') : t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </section>
  );
}
