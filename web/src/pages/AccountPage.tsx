import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  exportMyData,
  resendVerification,
  updateMe,
} from '../api/auth';
import type { User } from '../api/client';
import { describeError } from '../api/errors';
import { useSession, useSessionActions } from '../auth/session';
import {
  CheckboxField,
  FormAlert,
  looksLikeEmail,
  PasswordField,
  PasswordHints,
  passwordProblemKey,
  StatusMessage,
  TextField,
  useFormErrors,
} from '../components/form';
import { usePageTitle } from '../components/page';
import { setLanguage, type UiLanguage } from '../i18n';

function ProfileSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const { setUser } = useSessionActions();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [language, setLanguageChoice] = useState<UiLanguage>(user.language);
  const errors = useFormErrors();
  const mutation = useMutation({
    mutationFn: updateMe,
    onSuccess: (updated) => {
      setUser(updated);
      setLanguage(updated.language);
    },
    onError: errors.fail,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const name = displayName.trim();
    if (errors.refuse(name && name.length <= 100 ? {} : { displayName: 'errors.fields.displayName' })) return;
    errors.clear();
    mutation.mutate({ displayName: name, language });
  };

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile.title')}</h2>
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          id="profile-name"
          label={t('form.displayName')}
          autoComplete="given-name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.fields.displayName}
          maxLength={100}
        />
        <div className="field">
          <label htmlFor="profile-language">{t('form.language')}</label>
          <select
            id="profile-language"
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
        <p className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('account.profile.submit')}
          </button>
        </p>
        <StatusMessage
          message={mutation.isSuccess ? t('account.profile.saved') : null}
          testId="profile-saved"
        />
      </form>
    </section>
  );
}

function EmailSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = useFormErrors({ invalid_request: 'errors.sameEmail' });
  const resend = useMutation({ mutationFn: resendVerification });
  const change = useMutation({
    mutationFn: changeEmail,
    onSuccess: (_, input) => {
      setSentTo(input.newEmail);
      setCurrentPassword('');
      setNewEmail('');
    },
    onError: errors.fail,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const refused: Record<string, string> = {};
    if (!currentPassword) refused.currentPassword = 'errors.fields.currentPassword';
    if (!looksLikeEmail(newEmail)) refused.newEmail = 'errors.fields.newEmail';
    if (errors.refuse(refused)) return;
    errors.clear();
    change.mutate({ currentPassword, newEmail: newEmail.trim() });
  };

  return (
    <section className="panel" aria-labelledby="email-title">
      <h2 id="email-title">{t('account.email.title')}</h2>
      <p>
        {t('account.email.current', { email: user.email })}{' '}
        <span className={user.emailVerified ? 'chip ok' : 'chip missing'} data-testid="email-status">
          {user.emailVerified ? t('account.email.verified') : t('account.email.unverified')}
        </span>
      </p>
      {user.emailVerified ? null : (
        <>
          <p className="hint">{t('account.email.unverifiedHint')}</p>
          <p className="actions">
            <button
              type="button"
              className="secondary"
              disabled={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {resend.isPending ? t('common.sending') : t('account.email.resend')}
            </button>
          </p>
          <FormAlert message={resend.isError ? describeError(resend.error, t).message : null} />
          <StatusMessage
            message={resend.isSuccess ? t('account.email.resent', { email: user.email }) : null}
          />
        </>
      )}
      <h3>{t('account.email.changeTitle')}</h3>
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          id="email-new"
          label={t('form.newEmail')}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={setNewEmail}
          error={errors.fields.newEmail}
          maxLength={254}
        />
        <PasswordField
          id="email-current-password"
          label={t('form.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.fields.currentPassword}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={change.isPending}>
            {change.isPending ? t('common.sending') : t('account.email.submit')}
          </button>
        </p>
        <StatusMessage message={sentTo ? t('account.email.sent', { email: sentTo }) : null} />
      </form>
    </section>
  );
}

function PasswordSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const errors = useFormErrors();
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
    onError: errors.fail,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const refused: Record<string, string> = {};
    if (!currentPassword) refused.currentPassword = 'errors.fields.currentPassword';
    const key = passwordProblemKey(newPassword, { email: user.email, displayName: user.displayName });
    if (key) refused.newPassword = key;
    if (errors.refuse(refused)) return;
    errors.clear();
    mutation.mutate({ currentPassword, newPassword });
  };

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <form ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
        <FormAlert message={errors.alert} />
        <PasswordField
          id="password-current"
          label={t('form.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.fields.currentPassword}
        />
        <PasswordField
          id="password-new"
          label={t('form.newPassword')}
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={errors.fields.newPassword}
          extraDescribedBy="password-new-rules"
        >
          <PasswordHints
            id="password-new-rules"
            password={newPassword}
            email={user.email}
            displayName={user.displayName}
          />
        </PasswordField>
        <p className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('account.password.submit')}
          </button>
        </p>
        <StatusMessage message={mutation.isSuccess ? t('account.password.changed') : null} />
      </form>
    </section>
  );
}

const EXPORT_FILE = 'phoenix-letters-export.json';

function ExportSection() {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: exportMyData,
    onSuccess: (json) => {
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = EXPORT_FILE;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('account.export.title')}</h2>
      <p>{t('account.export.lead')}</p>
      <p className="actions">
        <button
          type="button"
          className="secondary"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {mutation.isPending ? t('common.loading') : t('account.export.submit')}
        </button>
      </p>
      <FormAlert message={mutation.isError ? describeError(mutation.error, t).message : null} />
      <StatusMessage message={mutation.isSuccess ? t('account.export.done', { file: EXPORT_FILE }) : null} />
    </section>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const { forget } = useSessionActions();
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  // The button that was clicked disappears or comes back: keep the keyboard focus where it makes sense.
  useEffect(() => {
    if (!toggled.current) return;
    if (open) document.getElementById('delete-confirm')?.focus();
    else openButton.current?.focus();
  }, [open]);
  const [currentPassword, setCurrentPassword] = useState('');
  const errors = useFormErrors();
  const mutation = useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => forget({ to: '/', notice: 'accountDeleted' }),
    onError: errors.fail,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const refused: Record<string, string> = {};
    if (!confirmed) refused.confirmDelete = 'errors.fields.confirmDelete';
    if (!currentPassword) refused.currentPassword = 'errors.fields.currentPassword';
    if (errors.refuse(refused)) return;
    errors.clear();
    mutation.mutate(currentPassword);
  };

  return (
    <section className="panel danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('account.delete.title')}</h2>
      <p>{t('account.delete.lead')}</p>
      {open ? null : (
        <p className="actions">
          <button
            type="button"
            className="danger"
            aria-expanded={false}
            aria-controls="delete-form"
            ref={openButton}
            onClick={() => {
              toggled.current = true;
              setOpen(true);
            }}
          >
            {t('account.delete.open')}
          </button>
        </p>
      )}
      {open ? (
        <form id="delete-form" ref={errors.formRef} className="stack" noValidate onSubmit={onSubmit}>
          <FormAlert message={errors.alert} />
          <CheckboxField
            id="delete-confirm"
            label={t('account.delete.confirm')}
            checked={confirmed}
            onChange={setConfirmed}
            error={errors.fields.confirmDelete}
          />
          <PasswordField
            id="delete-password"
            label={t('form.currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.fields.currentPassword}
          />
          <p className="actions">
            <button type="submit" className="danger" disabled={mutation.isPending}>
              {t('account.delete.submit')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(false);
                setConfirmed(false);
                setCurrentPassword('');
                errors.clear();
              }}
            >
              {t('account.delete.cancel')}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const { user } = useSession({ probe: true });
  if (!user) return null;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <div className="panels">
        <ProfileSection user={user} />
        <EmailSection user={user} />
        <PasswordSection user={user} />
        <ExportSection />
        <DeleteSection />
      </div>
    </>
  );
}
