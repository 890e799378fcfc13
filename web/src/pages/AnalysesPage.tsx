/**
 * /analyses: the analyses without a letter — score a CV against an offer (ATS), read the company's
 * register (Mirror Match), plan the move (Trajectory Builder). CV and offer come from the user's
 * documents or are pasted for a one-off check.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysesPanel } from '../analyses/AnalysesPanel';
import type { AnalysisRequest } from '../api/analyses';
import { DOCUMENTS_KEY, type DocumentKind, listDocuments } from '../api/documents';
import { ProblemAlert } from '../components/Problem';
import { usePageTitle } from '../components/page';

const PASTE = 'paste';

function SourcePicker({
  kind,
  choice,
  text,
  onChoice,
  onText,
}: {
  kind: DocumentKind;
  choice: string;
  text: string;
  onChoice: (value: string) => void;
  onText: (value: string) => void;
}) {
  const { t } = useTranslation();
  const documents = useQuery({ queryKey: [...DOCUMENTS_KEY, kind], queryFn: () => listDocuments(kind) });
  const list = documents.data ?? [];
  return (
    <div className="field">
      <label htmlFor={`source-${kind}`}>{t(`analysesPage.${kind}`)}</label>
      <select id={`source-${kind}`} value={choice} onChange={(e) => onChoice(e.target.value)}>
        <option value="">{t('analysesPage.choose')}</option>
        {list.map((document) => (
          <option key={document.id} value={document.id}>
            {document.title}
            {document.isDefault ? ` (${t('analysesPage.default')})` : ''}
          </option>
        ))}
        <option value={PASTE}>{t('analysesPage.paste')}</option>
      </select>
      <ProblemAlert error={documents.error} />
      {choice === PASTE ? (
        <textarea
          aria-label={t(`analysesPage.pasteLabel.${kind}`)}
          rows={8}
          maxLength={200_000}
          value={text}
          onChange={(e) => onText(e.target.value)}
          data-testid={`paste-${kind}`}
        />
      ) : null}
    </div>
  );
}

export function AnalysesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('analysesPage.title'));
  const [cv, setCv] = useState('');
  const [cvText, setCvText] = useState('');
  const [offer, setOffer] = useState('');
  const [offerText, setOfferText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const request = useMemo((): AnalysisRequest | null => {
    const cvPart = cv === PASTE ? (cvText.trim() ? { cvText } : null) : cv ? { cvDocumentId: cv } : null;
    const offerPart =
      offer === PASTE ? (offerText.trim() ? { offerText } : null) : offer ? { offerDocumentId: offer } : null;
    if (!cvPart || !offerPart) return null;
    return {
      ...cvPart,
      ...offerPart,
      language: i18n.language === 'en' ? 'en' : 'fr',
      ...(from.trim() ? { from: from.trim() } : {}),
      ...(to.trim() ? { to: to.trim() } : {}),
    };
  }, [cv, cvText, offer, offerText, from, to, i18n.language]);

  return (
    <section aria-labelledby="analyses-page-title" className="wide">
      <h1 id="analyses-page-title">{t('analysesPage.title')}</h1>
      <p className="lead">{t('analysesPage.lead')}</p>
      <div className="panel stack">
        <SourcePicker kind="cv" choice={cv} text={cvText} onChoice={setCv} onText={setCvText} />
        <SourcePicker
          kind="offer"
          choice={offer}
          text={offerText}
          onChoice={setOffer}
          onText={setOfferText}
        />
        <div className="two-columns">
          <div className="field">
            <label htmlFor="analysis-from">{t('letterNew.change.from')}</label>
            <input
              id="analysis-from"
              type="text"
              maxLength={120}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="analysis-to">{t('letterNew.change.to')}</label>
            <input
              id="analysis-to"
              type="text"
              maxLength={120}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
        </div>
      </div>
      {request ? (
        <section className="panel" aria-labelledby="analyses-results-title">
          <h2 id="analyses-results-title">{t('analysesPage.results')}</h2>
          <AnalysesPanel
            key={JSON.stringify(request)}
            request={request}
            available={['ats', 'mirror', 'trajectory']}
            idPrefix="standalone"
          />
        </section>
      ) : (
        <p className="hint" data-testid="analyses-need-input">
          {t('analysesPage.needBoth')}
        </p>
      )}
    </section>
  );
}
