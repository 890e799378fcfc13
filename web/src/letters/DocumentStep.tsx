/**
 * Step 1 and 2 of a new letter: the CV or the offer, picked from those already sent, uploaded as a
 * file, pasted, or (offers only) imported from the job board's address.
 */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import {
  type DocumentDetail,
  type DocumentKind,
  getDocument,
  importOffer,
  listDocuments,
  pasteDocument,
  uploadDocument,
} from '../api/documents';
import { ProblemAlert } from '../components/Problem';
import { formatDate } from '../lib/format';

type Mode = 'existing' | 'upload' | 'paste' | 'url';

const ACCEPT =
  '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

export function DocumentStep({
  kind,
  current,
  onDone,
}: {
  kind: DocumentKind;
  current: DocumentDetail | null;
  onDone: (doc: DocumentDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const existing = useQuery({ queryKey: ['documents', kind], queryFn: () => listDocuments(kind) });
  const docs = existing.data ?? [];
  // A CV is usually reused; an offer is usually new (and most often copied from a job board).
  const modes: Mode[] =
    kind === 'cv'
      ? [...(docs.length > 0 ? (['existing'] as const) : []), 'upload', 'paste']
      : ['paste', 'upload', 'url', ...(docs.length > 0 ? (['existing'] as const) : [])];
  const [chosenMode, setMode] = useState<Mode | null>(null);
  const mode: Mode = chosenMode && modes.includes(chosenMode) ? chosenMode : (modes[0] ?? 'upload');
  const [selected, setSelected] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const defaultDoc = docs.find((doc) => doc.isDefault) ?? docs[0];
  const selectedId = selected || current?.id || defaultDoc?.id || '';
  const p = `letterNew.${kind}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLocalError(null);
    let run: (() => Promise<DocumentDetail>) | null = null;
    if (mode === 'existing' && selectedId) run = () => getDocument(selectedId);
    if (mode === 'upload' && file) run = () => uploadDocument(kind, file);
    if (mode === 'paste' && text.trim()) run = () => pasteDocument({ kind, text });
    if (mode === 'url' && /^https?:\/\/\S+$/i.test(url.trim())) run = () => importOffer(url.trim());
    if (!run) {
      setLocalError(t(`letterNew.missing.${mode}`));
      return;
    }
    setBusy(true);
    try {
      onDone(await run());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const importFailed =
    mode === 'url' &&
    isApiError(error) &&
    (error.code === 'unreadable_file' || error.code === 'invalid_request');

  if (existing.isPending) {
    return (
      <p role="status" className="hint">
        {t('common.loading')}
      </p>
    );
  }

  return (
    <form className="stack wide" noValidate onSubmit={onSubmit} aria-busy={busy}>
      <p className="hint">{t(`${p}.lead`)}</p>
      <fieldset className="choice-group">
        <legend>{t(`${p}.how`)}</legend>
        {modes.map((item) => (
          <div key={item} className="choice">
            <input
              type="radio"
              id={`${id}-${item}`}
              name={`${id}-mode`}
              value={item}
              checked={mode === item}
              onChange={() => {
                setMode(item);
                setError(null);
                setLocalError(null);
              }}
            />
            <label htmlFor={`${id}-${item}`}>{t(`letterNew.modes.${item}`)}</label>
          </div>
        ))}
      </fieldset>

      {mode === 'existing' ? (
        <div className="field">
          <label htmlFor={`${id}-existing`}>{t(`${p}.pick`)}</label>
          <select
            id={`${id}-existing`}
            value={selectedId}
            onChange={(event) => setSelected(event.target.value)}
          >
            {docs.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {doc.title} · {formatDate(doc.updatedAt, i18n.language)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {mode === 'upload' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t(`${p}.file`)}</label>
          <p className="hint" id={`${id}-file-hint`}>
            {t('letterNew.fileHint')}
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid={`${kind}-file`}
          />
        </div>
      ) : null}

      {mode === 'paste' ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t(`${p}.paste`)}</label>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={12}
            maxLength={200_000}
            data-testid={`${kind}-text`}
          />
        </div>
      ) : null}

      {mode === 'url' ? (
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('letterNew.offer.url')}</label>
          <p className="hint" id={`${id}-url-hint`}>
            {t('letterNew.offer.urlHint')}
          </p>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-describedby={`${id}-url-hint`}
            placeholder="https://"
          />
        </div>
      ) : null}

      {localError ? (
        <p role="alert" className="form-alert">
          {localError}
        </p>
      ) : null}
      <ProblemAlert error={error} />
      {importFailed ? (
        <p>
          <button type="button" className="secondary" onClick={() => setMode('paste')}>
            {t('letterNew.offer.pasteInstead')}
          </button>
        </p>
      ) : null}

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t(mode === 'existing' ? 'common.loading' : 'letterNew.reading') : t('letterNew.continue')}
        </button>
        {current ? (
          <button type="button" className="secondary" onClick={() => onDone(current)} disabled={busy}>
            {t('letterNew.keep', { title: current.title })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
