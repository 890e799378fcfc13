/** The versions of a letter: restore one, or compare it line by line with the current text. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type LetterDetail, letterKey, listVersions, restoreVersion, versionsKey } from '../api/letters';
import { ProblemAlert } from '../components/Problem';
import { diffLines } from '../lib/diff';
import { formatDateTime } from '../lib/format';

export const DIFF_ID = 'version-diff';

export function VersionsPanel({
  letter,
  compared,
  onCompare,
  onRestored,
}: {
  letter: LetterDetail;
  compared: number | null;
  onCompare: (version: number | null) => void;
  onRestored: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: versionsKey(letter.id), queryFn: () => listVersions(letter.id) });
  const restore = useMutation({
    mutationFn: (version: number) => restoreVersion(letter.id, version),
    onSuccess: (updated) => {
      queryClient.setQueryData(letterKey(letter.id), updated);
      void queryClient.invalidateQueries({ queryKey: versionsKey(letter.id) });
      onCompare(null);
      onRestored();
    },
  });

  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);

  return (
    <section className="panel" aria-labelledby="versions-title" data-testid="versions">
      <h2 id="versions-title">{t('letter.versions.title')}</h2>
      {versions.isPending ? <p className="hint">{t('common.loading')}</p> : null}
      {versions.isError ? <ProblemAlert error={versions.error} /> : null}
      <ol className="version-list">
        {list.map((item) => {
          const current = item.version === letter.currentVersion;
          return (
            <li key={item.version} className={current ? 'current' : undefined}>
              <span className="version-name">
                {t('letter.versions.name', { n: item.version })} ·{' '}
                {t(`letter.versions.source.${item.source}`)}
                {current ? ` · ${t('letter.versions.current')}` : ''}
              </span>
              <span className="hint">{formatDateTime(item.createdAt, i18n.language)}</span>
              {current ? null : (
                <span className="version-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={compared === item.version}
                    aria-controls={DIFF_ID}
                    onClick={() => onCompare(compared === item.version ? null : item.version)}
                  >
                    {t('letter.versions.compare', { n: item.version })}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(item.version)}
                  >
                    {t('letter.versions.restore', { n: item.version })}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {restore.isError ? <ProblemAlert error={restore.error} /> : null}
    </section>
  );
}

/** The selected version compared line by line with the current text (signs and words, not colour alone). */
export function VersionDiff({ letter, compared }: { letter: LetterDetail; compared: number | null }) {
  const { t } = useTranslation();
  const versions = useQuery({ queryKey: versionsKey(letter.id), queryFn: () => listVersions(letter.id) });
  const selected = versions.data?.find((item) => item.version === compared);
  return (
    <div id={DIFF_ID} aria-live="polite" className="diff-slot">
      {selected ? (
        <>
          <h3>{t('letter.versions.diffTitle', { n: selected.version, current: letter.currentVersion })}</h3>
          <p className="hint">{t('letter.versions.diffLegend')}</p>
          {selected.content === (letter.content ?? '') ? (
            <p className="hint">{t('letter.versions.same')}</p>
          ) : null}
          <div className="diff" data-testid="diff">
            {diffLines(selected.content, letter.content ?? '').map((line, index) =>
              line.kind === 'same' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
                <div key={index} className="diff-line">
                  <span aria-hidden="true" className="diff-mark">
                    {' '}
                  </span>
                  {line.text || '\u00a0'}
                </div>
              ) : line.kind === 'added' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
                <ins key={index} className="diff-line added">
                  <span aria-hidden="true" className="diff-mark">
                    +
                  </span>
                  <span className="visually-hidden">{t('letter.versions.added')} </span>
                  {line.text || '\u00a0'}
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
                <del key={index} className="diff-line removed">
                  <span aria-hidden="true" className="diff-mark">
                    −
                  </span>
                  <span className="visually-hidden">{t('letter.versions.removed')} </span>
                  {line.text || '\u00a0'}
                </del>
              ),
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
