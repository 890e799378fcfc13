/**
 * Accessible form parts: every input has a bound label, its hint and error are tied to it with
 * aria-describedby, an invalid field says so (aria-invalid), and form-level errors are alerts.
 */
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPasswordProblem } from '../../../server/core/auth/password-policy';
import { describeError, type ErrorOverrides } from '../api/errors';

function describedBy(...ids: Array<string | undefined | false>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Ids of other elements describing the field (live password hints…). */
  extraDescribedBy?: string;
  required?: boolean;
  maxLength?: number;
  children?: ReactNode;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  error,
  hint,
  extraDescribedBy,
  required = true,
  maxLength,
  children,
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, extraDescribedBy, errorId)}
        aria-required={required || undefined}
        maxLength={maxLength}
        spellCheck={type === 'text' ? undefined : false}
        autoCapitalize={type === 'text' ? undefined : 'none'}
      />
      {children}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A password input with a "show password" switch (easier on a phone than typing it twice). */
export function PasswordField({ children, ...props }: Omit<TextFieldProps, 'type'>) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const toggleId = `${props.id}-show`;
  return (
    <TextField {...props} type={shown ? 'text' : 'password'}>
      <div className="check small">
        <input
          id={toggleId}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
          aria-controls={props.id}
        />
        <label htmlFor={toggleId}>{t('form.showPassword')}</label>
      </div>
      {children}
    </TextField>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <div className="check">
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          aria-required
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level error, announced at once. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="form-alert">
      {message}
    </p>
  );
}

/** A success message, announced politely; the live region exists before the text arrives. */
export function StatusMessage({ message, testId }: { message: string | null | undefined; testId?: string }) {
  return (
    <div role="status" className="status-slot">
      {message ? (
        <p className="success" data-testid={testId}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * After a refused submit, moves the focus to the first field marked invalid (or the alert), so
 * keyboard and screen-reader users land on what to fix. `attempt` changes on every refusal.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[role="alert"]');
    if (target) {
      if (target.getAttribute('role') === 'alert') target.tabIndex = -1;
      target.focus();
    }
  }, [attempt, formRef]);
}

/**
 * The password rules, checked as the user types, with the same function the server uses.
 * Not a live region: reading every keystroke aloud would be noise; the field points to it.
 */
export function PasswordHints({
  id,
  password,
  email,
  displayName,
}: {
  id: string;
  password: string;
  email?: string;
  displayName?: string;
}) {
  const { t } = useTranslation();
  const personal: { email?: string; displayName?: string } = {};
  if (email) personal.email = email;
  if (displayName) personal.displayName = displayName;
  const problem = password ? findPasswordProblem(password, personal) : 'too_short';
  const lengthOk = problem !== 'too_short' && problem !== 'too_long';
  const commonOk = lengthOk && problem !== 'common';
  const personalOk = commonOk && problem !== 'personal';
  const rules: Array<[string, boolean]> = [
    ['length', lengthOk],
    ['common', commonOk],
  ];
  if (email || displayName) rules.push(['personal', personalOk]);
  return (
    <div id={id} className="password-hints">
      <p className="hint">{t('password.hintsTitle')}</p>
      <ul>
        {rules.map(([rule, met]) => (
          <li key={rule} className={met ? 'met' : 'unmet'} data-rule={rule} data-met={met}>
            <span aria-hidden="true" className="rule-mark">
              {met ? '✓' : '•'}
            </span>{' '}
            {t(`password.${rule}`)}{' '}
            <span className="visually-hidden">{met ? t('password.met') : t('password.unmet')}</span>
          </li>
        ))}
      </ul>
      <p className="hint">{t('password.tip')}</p>
    </div>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A light check before sending; the server has the last word. */
export function looksLikeEmail(value: string): boolean {
  return value.trim().length <= 254 && EMAIL.test(value.trim());
}

/** The i18n key of the first problem with a new password, or null. */
export function passwordProblemKey(
  password: string,
  personal: { email?: string; displayName?: string } = {},
): string | null {
  const problem = findPasswordProblem(password, personal);
  return problem ? `errors.passwordRules.${problem}` : null;
}

type Problem = { kind: 'api'; error: unknown } | { kind: 'local'; fields: Record<string, string> };

/**
 * The errors of one form: either the fields the page itself refused (as i18n keys) or an API
 * failure. Described at render time, so switching the language translates them too. Every
 * refusal moves the focus to the first field to fix.
 */
export function useFormErrors(overrides: ErrorOverrides = {}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);

  let alert: string | null = null;
  let fields: Record<string, string> = {};
  if (problem?.kind === 'api') {
    ({ message: alert, fields } = describeError(problem.error, t, overrides));
  } else if (problem?.kind === 'local') {
    alert = t('errors.validation');
    fields = Object.fromEntries(Object.entries(problem.fields).map(([field, key]) => [field, t(key)]));
  }
  return {
    formRef,
    alert,
    fields,
    /** Refuses the submit locally when `keys` (field → i18n key) is not empty; returns whether it did. */
    refuse(keys: Record<string, string>): boolean {
      if (Object.keys(keys).length === 0) return false;
      setProblem({ kind: 'local', fields: keys });
      setAttempt((n) => n + 1);
      return true;
    },
    fail(error: unknown) {
      setProblem({ kind: 'api', error });
      setAttempt((n) => n + 1);
    },
    clear() {
      setProblem(null);
    },
  };
}
