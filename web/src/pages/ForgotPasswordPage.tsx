import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api/auth';
import { FormAlert, looksLikeEmail, StatusMessage, TextField, useFormErrors } from '../components/form';
import { usePageTitle } from '../components/page';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const errors = useFormErrors();
  const mutation = useMutation({ mutationFn: requestPasswordReset, onError: errors.fail });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (errors.refuse(looksLikeEmail(email) ? {} : { email: 'errors.fields.email' })) return;
    errors.clear();
    mutation.mutate(email.trim());
  };

  return (
    <section className="narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      <p>{t('forgot.lead')}</p>
      <StatusMessage message={mutation.isSuccess ? t('forgot.sent') : null} testId="forgot-sent" />
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          id="forgot-email"
          label={t('form.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.sending') : t('forgot.submit')}
          </button>
        </p>
      </form>
      <p>
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}
