/**
 * /letters/:id: the letter as editable text. Saving makes a new version; versions can be compared
 * and restored; the letter can be renamed, duplicated, written again, exported or deleted. The
 * grounding report sits beside it. The text is only ever rendered as text.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AnalysesPanel } from '../analyses/AnalysesPanel';
import { ANALYSES } from '../api/analyses';
import { isApiError } from '../api/client';
import {
  deleteLetter,
  duplicateLetter,
  type ExportFormat,
  exportLetter,
  getLetter,
  LETTERS_KEY,
  type LetterDetail,
  letterKey,
  regenerateLetter,
  TONES,
  type Tone,
  updateLetter,
  versionsKey,
} from '../api/letters';
import { usePlan } from '../api/plan';
import { StatusMessage } from '../components/form';
import { ProblemAlert } from '../components/Problem';
import { usePageTitle } from '../components/page';
import { GroundingPanel } from '../letters/GroundingPanel';
import { StreamView } from '../letters/StreamView';
import { useLetterStream } from '../letters/useLetterStream';
import { VersionDiff, VersionsPanel } from '../letters/VersionsPanel';
import { countWords, formatDateTime } from '../lib/format';

function RenameForm({ letter, onDone }: { letter: LetterDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(letter.title);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const rename = useMutation({
    mutationFn: (value: string) => updateLetter(letter.id, { title: value }),
    onSuccess: (updated) => {
      queryClient.setQueryData(letterKey(letter.id), updated);
      void queryClient.invalidateQueries({ queryKey: LETTERS_KEY, exact: true });
      onDone();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) rename.mutate(title.trim());
  };
  return (
    <form className="rename-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="letter-title">{t('letter.rename.label')}</label>
        <input
          ref={input}
          id="letter-title"
          type="text"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={title.trim() ? undefined : true}
        />
      </div>
      <ProblemAlert error={rename.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={rename.isPending || !title.trim()}>
          {t('letter.rename.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('letter.cancel')}
        </button>
      </div>
    </form>
  );
}

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure context): select the text for a manual copy.
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    return document.execCommand?.('copy') ?? false;
  }
}

function LetterView({ letter }: { letter: LetterDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const plan = usePlan();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [compared, setCompared] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const stream = useLetterStream();

  const saved = letter.content ?? '';
  const value = draft ?? saved;
  const dirty = draft !== null && draft !== saved;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const refresh = (updated: LetterDetail) => {
    queryClient.setQueryData(letterKey(letter.id), updated);
    void queryClient.invalidateQueries({ queryKey: versionsKey(letter.id) });
    void queryClient.invalidateQueries({ queryKey: LETTERS_KEY, exact: true });
  };

  const act = async (name: string, work: () => Promise<void>) => {
    setBusy(name);
    setStatus(null);
    setProblem(null);
    try {
      await work();
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(null);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || !value.trim()) return;
    void act('save', async () => {
      const updated = await updateLetter(letter.id, { content: value });
      refresh(updated);
      setDraft(null);
      setStatus(t('letter.saved', { n: updated.currentVersion }));
    });
  };

  const onExport = (format: ExportFormat) =>
    act(`export-${format}`, async () => {
      const file = await exportLetter(letter.id, format, letter.title);
      setStatus(t('letter.exported', { file }));
    });

  const onCopy = () =>
    act('copy', async () => {
      setStatus((await copyText(value, textarea.current)) ? t('letter.copied') : t('letter.copyManual'));
    });

  const onDuplicate = () =>
    act('duplicate', async () => {
      const copy = await duplicateLetter(letter.id);
      queryClient.setQueryData(letterKey(copy.id), copy);
      void queryClient.invalidateQueries({ queryKey: LETTERS_KEY, exact: true });
      navigate(`/letters/${copy.id}`);
    });

  const onDelete = () =>
    act('delete', async () => {
      await deleteLetter(letter.id);
      queryClient.removeQueries({ queryKey: letterKey(letter.id) });
      void queryClient.invalidateQueries({ queryKey: LETTERS_KEY, exact: true });
      navigate('/app', { state: { notice: 'letterDeleted' } });
    });

  const onRegenerate = async () => {
    setStatus(null);
    setProblem(null);
    const updated = await stream.run((options) => regenerateLetter(letter.id, undefined, options));
    if (updated) {
      refresh(updated);
      setDraft(null);
      setStatus(t('letter.regenerated', { n: updated.currentVersion }));
    }
  };

  const writing = stream.state === 'writing';
  const docxLocked = plan.data ? plan.data.features.export_docx === false : false;
  const meta = [letter.company, letter.role].filter(Boolean).join(' · ');

  return (
    <article aria-labelledby="letter-heading" className="letter-page">
      <p className="back-link">
        <Link to="/app">← {t('letter.backToList')}</Link>
      </p>
      <h1 id="letter-heading" data-testid="letter-title">
        {letter.title}
      </h1>
      <p className="hint letter-meta">
        {meta ? `${meta} · ` : ''}
        {t(`tones.${letter.tone}.label`, { defaultValue: letter.tone })} · {t(`lengths.${letter.length}`)} ·{' '}
        {t(`languages.${letter.language}`)} ·{' '}
        {t('letter.updated', { date: formatDateTime(letter.updatedAt, i18n.language) })}
      </p>
      {renaming ? <RenameForm letter={letter} onDone={() => setRenaming(false)} /> : null}
      {letter.writtenWithoutAi ? (
        <p className="notice offline-notice" data-testid="offline-notice">
          {t('letter.offline')}
        </p>
      ) : null}
      {letter.status !== 'complete' && !letter.content ? (
        <p className="notice">{t(`letter.status.${letter.status}Long`)}</p>
      ) : null}

      <div className="letter-layout">
        <div className="letter-main">
          {writing || stream.state === 'cancelled' || stream.state === 'failed' ? (
            <div className="panel regenerate-panel">
              <h2>{t('letter.regenerate.title')}</h2>
              <StreamView state={stream.state} text={stream.text} />
              {stream.state === 'failed' ? <ProblemAlert error={stream.error} /> : null}
              {writing ? (
                <button type="button" className="secondary" onClick={stream.cancel}>
                  {t('generate.cancel')}
                </button>
              ) : null}
            </div>
          ) : null}
          <form onSubmit={onSave} noValidate className="editor">
            <div className="field">
              <label htmlFor="letter-content">{t('letter.content')}</label>
              <p id="letter-content-hint" className="hint">
                {t('letter.contentHint', { count: countWords(value) })}
              </p>
              <textarea
                ref={textarea}
                id="letter-content"
                className="letter-editor"
                value={value}
                onChange={(e) => setDraft(e.target.value)}
                maxLength={20_000}
                rows={Math.min(40, Math.max(14, value.split('\n').length + 2))}
                spellCheck
                lang={letter.language}
                disabled={writing}
                aria-describedby="letter-content-hint"
                data-testid="letter-editor"
              />
            </div>
            <div className="actions">
              <button type="submit" className="primary" disabled={!dirty || !value.trim() || busy === 'save'}>
                {busy === 'save' ? t('common.saving') : t('letter.save')}
              </button>
              {dirty ? (
                <button type="button" className="secondary" onClick={() => setDraft(null)}>
                  {t('letter.discard')}
                </button>
              ) : null}
            </div>
          </form>
          <StatusMessage message={status} testId="letter-status" />
          <VersionDiff letter={letter} compared={compared} />
          {problem ? <ProblemAlert error={problem} /> : null}

          <section aria-labelledby="export-title" className="tool-group">
            <h2 id="export-title">{t('letter.export.title')}</h2>
            {dirty ? <p className="hint">{t('letter.export.unsaved')}</p> : null}
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() => onExport('pdf')}
                disabled={busy !== null}
              >
                {t('letter.export.pdf')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => onExport('docx')}
                disabled={busy !== null}
                aria-describedby={docxLocked ? 'docx-premium' : undefined}
              >
                {t('letter.export.docx')}
                {docxLocked ? <span className="plan-badge premium small-badge">Premium</span> : null}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => onExport('txt')}
                disabled={busy !== null}
              >
                {t('letter.export.txt')}
              </button>
              <button type="button" className="secondary" onClick={onCopy} disabled={busy !== null}>
                {t('letter.export.copy')}
              </button>
            </div>
            {docxLocked ? (
              <p id="docx-premium" className="hint">
                {t('letter.export.docxPremium')} <Link to="/plan">{t('quota.seePlans')}</Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="manage-title" className="tool-group">
            <h2 id="manage-title">{t('letter.manage.title')}</h2>
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() => setRenaming(true)}
                disabled={renaming}
              >
                {t('letter.rename.open')}
              </button>
              <button type="button" className="secondary" onClick={onDuplicate} disabled={busy !== null}>
                {t('letter.manage.duplicate')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void onRegenerate()}
                disabled={writing || busy !== null || !letter.cvDocumentId || !letter.offerDocumentId}
                aria-describedby="regenerate-hint"
              >
                {t('letter.regenerate.open')}
              </button>
              <button
                type="button"
                className="secondary danger-outline"
                onClick={() => setConfirmDelete(true)}
                disabled={busy !== null}
              >
                {t('letter.manage.delete')}
              </button>
            </div>
            <p id="regenerate-hint" className="hint">
              {letter.cvDocumentId && letter.offerDocumentId
                ? t('letter.regenerate.hint')
                : t('letter.regenerate.unavailable')}
            </p>
            {confirmDelete ? (
              <div className="notice confirm-delete">
                <p id="delete-question">{t('letter.manage.confirmDelete')}</p>
                <div className="actions">
                  <button type="button" className="danger" onClick={onDelete} disabled={busy !== null}>
                    {t('letter.manage.deleteForGood')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                    {t('letter.cancel')}
                  </button>
                </div>
              </div>
            ) : null}
          </section>
        </div>

        <aside className="letter-aside" aria-label={t('letter.asideLabel')}>
          <GroundingPanel grounding={letter.grounding} />
          <VersionsPanel
            letter={letter}
            compared={compared}
            onCompare={setCompared}
            onRestored={() => setDraft(null)}
          />
        </aside>
      </div>

      <section
        className="panel letter-analyses"
        aria-labelledby="analyses-title"
        data-testid="letter-analyses"
      >
        <h2 id="analyses-title">{t('letter.analyses.title')}</h2>
        <p className="hint">{dirty ? t('letter.analyses.unsaved') : t('letter.analyses.lead')}</p>
        <AnalysesPanel
          key={letter.currentVersion}
          request={{
            letterId: letter.id,
            ...(letter.cvDocumentId ? { cvDocumentId: letter.cvDocumentId } : {}),
            ...(letter.offerDocumentId ? { offerDocumentId: letter.offerDocumentId } : {}),
            ...(TONES.includes(letter.tone as Tone) ? { tone: letter.tone as Tone } : {}),
            language: letter.language,
          }}
          available={letter.offerDocumentId ? ANALYSES : ['coach']}
        />
      </section>
    </article>
  );
}

export function LetterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const letter = useQuery({ queryKey: letterKey(id), queryFn: () => getLetter(id) });
  usePageTitle(letter.data?.title ?? t('letter.loadingTitle'));
  if (letter.isPending) {
    return (
      <p role="status" className="hint">
        {t('common.loading')}
      </p>
    );
  }
  if (letter.isError) {
    const notFound =
      isApiError(letter.error) && (letter.error.code === 'not_found' || letter.error.status === 400);
    return (
      <section aria-labelledby="letter-missing">
        <h1 id="letter-missing">{notFound ? t('letter.notFound') : t('errors.title')}</h1>
        {notFound ? null : <ProblemAlert error={letter.error} />}
        <p className="actions">
          <Link to="/app" className="button secondary">
            {t('letter.backToList')}
          </Link>
        </p>
      </section>
    );
  }
  return <LetterView key={letter.data.id} letter={letter.data} />;
}
