import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmPasswordReset } from '../api/auth';
import { isApiError } from '../api/client';
import { useFragmentToken } from '../auth/fragment-token';
import { useSessionActions } from '../auth/session';
import {
  FormAlert,
  PasswordField,
  PasswordHints,
  passwordProblemKey,
  StatusMessage,
  useFormErrors,
} from '../components/form';
import { usePageTitle } from '../components/page';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const token = useFragmentToken();
  const { forget } = useSessionActions();
  const [password, setPassword] = useState('');
  const errors = useFormErrors();
  const mutation = useMutation({
    mutationFn: (newPassword: string) => confirmPasswordReset(token ?? '', newPassword),
    // The server ended every session of the account, this browser's included.
    onSuccess: () => forget(),
    onError: errors.fail,
  });
  const linkDead = !token || (isApiError(mutation.error) && mutation.error.code === 'invalid_request');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const key = passwordProblemKey(password);
    if (errors.refuse(key ? { newPassword: key } : {})) return;
    errors.clear();
    mutation.mutate(password);
  };

  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <StatusMessage message={mutation.isSuccess ? t('reset.done') : null} testId="reset-done" />
      {mutation.isSuccess ? (
        <p>
          <Link className="button primary" to="/login">
            {t('reset.login')}
          </Link>
        </p>
      ) : linkDead ? (
        <>
          <p role="alert" className="form-alert">
            {token ? t('errors.invalidLink') : t('errors.missingToken')}
          </p>
          <p>
            <Link className="button primary" to="/forgot-password">
              {t('reset.askNew')}
            </Link>
          </p>
        </>
      ) : (
        <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
          <FormAlert message={errors.alert} />
          <PasswordField
            id="reset-password"
            label={t('form.newPassword')}
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.fields.newPassword}
            extraDescribedBy="reset-password-rules"
          >
            <PasswordHints id="reset-password-rules" password={password} />
          </PasswordField>
          <p className="actions">
            <button type="submit" className="primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('reset.submit')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
