/**
 * Step 3: what was read from the CV and the offer, shown plainly so the user can check it, and the
 * key fields they can correct. Corrections are saved on the document (PATCH corrections), so the
 * letter and every analysis use them.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CvProfile,
  type DocumentDetail,
  type OfferProfile,
  readCv,
  readOffer,
  suggestRequirements,
  updateDocument,
} from '../api/documents';
import { ProblemAlert } from '../components/Problem';

const lines = (value: string) =>
  value
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Stable keys for a list of texts that may repeat ("Python", "Python" → "Python#0", "Python#1"). */
function withKeys<T>(items: T[], name: (item: T) => string): Array<[string, T]> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = name(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [`${base}#${n}`, item];
  });
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

function Chips({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="chip-list">
      {withKeys(items, String).map(([key, item]) => (
        <li key={key} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CvSummary({ cv, doc }: { cv: CvProfile; doc: DocumentDetail }) {
  const { t } = useTranslation();
  const none = t('review.none');
  return (
    <section className="panel" aria-labelledby="review-cv-title" data-testid="review-cv">
      <h3 id="review-cv-title">{t('review.cvTitle', { title: doc.title })}</h3>
      <dl className="facts">
        <Fact label={t('review.name')}>{cv.name ?? none}</Fact>
        <Fact label={t('review.headline')}>{cv.headline ?? none}</Fact>
      </dl>
      <h4>{t('review.experiences')}</h4>
      {cv.experiences.length === 0 ? (
        <p className="hint">{t('review.noExperience')}</p>
      ) : (
        <ul className="experience-list">
          {withKeys(cv.experiences, (e) => `${e.title}|${e.employer}|${e.datesAsWritten}`).map(
            ([key, experience]) => (
              <li key={key}>
                <strong>{experience.title || none}</strong>
                {experience.employer ? ` — ${experience.employer}` : ''}
                {experience.location ? `, ${experience.location}` : ''}
                {experience.datesAsWritten ? (
                  <span className="hint"> · {experience.datesAsWritten}</span>
                ) : null}
                {experience.facts.length > 0 ? (
                  <span className="hint"> · {t('review.facts', { count: experience.facts.length })}</span>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      {cv.education.length > 0 ? (
        <>
          <h4>{t('review.education')}</h4>
          <ul>
            {withKeys(cv.education, (e) => `${e.title}|${e.institution}`).map(([key, item]) => (
              <li key={key}>
                {item.title}
                {item.institution ? ` — ${item.institution}` : ''}
                {item.datesAsWritten ? <span className="hint"> · {item.datesAsWritten}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('review.certifications')}</h4>
      <Chips items={cv.certifications} empty={none} />
      <h4>{t('review.skills')}</h4>
      <Chips items={cv.skills} empty={none} />
      {cv.languages.length > 0 ? (
        <>
          <h4>{t('review.languages')}</h4>
          <Chips items={cv.languages} empty={none} />
        </>
      ) : null}
      <details className="read-text">
        <summary>{t('review.showText')}</summary>
        <pre className="source-text">{doc.text}</pre>
      </details>
    </section>
  );
}

function OfferSummary({ offer, doc }: { offer: OfferProfile; doc: DocumentDetail }) {
  const { t } = useTranslation();
  const none = t('review.none');
  return (
    <section className="panel" aria-labelledby="review-offer-title" data-testid="review-offer">
      <h3 id="review-offer-title">{t('review.offerTitle')}</h3>
      <dl className="facts">
        <Fact label={t('review.jobTitle')}>{offer.title ?? none}</Fact>
        <Fact label={t('review.company')}>{offer.company ?? none}</Fact>
        <Fact label={t('review.location')}>{offer.location ?? none}</Fact>
        <Fact label={t('review.contract')}>{offer.contractType ?? none}</Fact>
        <Fact label={t('review.recruiter')}>{offer.recruiter?.name ?? none}</Fact>
      </dl>
      <h4>{t('review.mustHave')}</h4>
      <Chips items={offer.mustHave} empty={none} />
      <h4>{t('review.niceToHave')}</h4>
      <Chips items={offer.niceToHave} empty={none} />
      <details className="read-text">
        <summary>{t('review.showText')}</summary>
        <pre className="source-text">{doc.text}</pre>
      </details>
    </section>
  );
}

function correctionsOf(doc: DocumentDetail): Record<string, unknown> {
  const value = doc.corrections;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

export function ReviewStep({
  cvDoc,
  offerDoc,
  onDone,
}: {
  cvDoc: DocumentDetail;
  offerDoc: DocumentDetail;
  onDone: (cv: DocumentDetail, offer: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const cv = readCv(cvDoc);
  const offer = readOffer(offerDoc);
  const [title, setTitle] = useState(offer.title ?? '');
  const [company, setCompany] = useState(offer.company ?? '');
  const [location, setLocation] = useState(offer.location ?? '');
  const [recruiter, setRecruiter] = useState(offer.recruiter?.name ?? '');
  const [mustHave, setMustHave] = useState(offer.mustHave.join('\n'));
  const [skills, setSkills] = useState(cv.skills.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [suggestion, setSuggestion] = useState<{ added: number; offline: boolean } | null>(null);
  // Nice-to-have suggestions have no text box of their own: kept here, saved with the review.
  const [extraNiceToHave, setExtraNiceToHave] = useState<string[]>([]);
  const [suggestError, setSuggestError] = useState<unknown>(null);

  // The AI adds to the list in the text box; nothing is kept until the user confirms the review.
  const onSuggest = async () => {
    setSuggestError(null);
    setSuggestion(null);
    setSuggesting(true);
    try {
      const found = await suggestRequirements(offerDoc.id);
      const current = lines(mustHave);
      const required = found.mustHave.filter((phrase) => !current.includes(phrase));
      if (required.length > 0) setMustHave([...current, ...required].join('\n'));
      const preferred = found.niceToHave.filter((phrase) => !offer.niceToHave.includes(phrase));
      setExtraNiceToHave(preferred);
      setSuggestion({ added: required.length + preferred.length, offline: found.engine === 'offline' });
    } catch (failure) {
      setSuggestError(failure);
    } finally {
      setSuggesting(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const offerFix = correctionsOf(offerDoc);
    let offerChanged = false;
    const setText = (field: 'title' | 'company' | 'location', value: string, before: string | null) => {
      const next = value.trim() || null;
      if (next !== before) {
        offerFix[field] = next;
        offerChanged = true;
      }
    };
    setText('title', title, offer.title);
    setText('company', company, offer.company);
    setText('location', location, offer.location);
    const recruiterName = recruiter.trim();
    if (recruiterName !== (offer.recruiter?.name ?? '')) {
      offerFix.recruiter = recruiterName
        ? { name: recruiterName, role: offer.recruiter?.role ?? null }
        : null;
      offerChanged = true;
    }
    if (!sameList(lines(mustHave), offer.mustHave)) {
      offerFix.mustHave = lines(mustHave);
      offerChanged = true;
    }
    if (extraNiceToHave.length > 0) {
      offerFix.niceToHave = [...offer.niceToHave, ...extraNiceToHave];
      offerChanged = true;
    }
    const cvFix = correctionsOf(cvDoc);
    const cvChanged = !sameList(lines(skills), cv.skills);
    if (cvChanged) cvFix.skills = lines(skills);

    setBusy(true);
    try {
      const [nextCv, nextOffer] = await Promise.all([
        cvChanged ? updateDocument(cvDoc.id, { corrections: cvFix }) : cvDoc,
        offerChanged ? updateDocument(offerDoc.id, { corrections: offerFix }) : offerDoc,
      ]);
      onDone(nextCv, nextOffer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review">
      <p className="hint">{t('review.lead')}</p>
      <div className="review-grid">
        <CvSummary cv={cv} doc={cvDoc} />
        <OfferSummary offer={offer} doc={offerDoc} />
      </div>
      <form className="stack wide panel" noValidate onSubmit={onSubmit} aria-labelledby="review-fix-title">
        <h3 id="review-fix-title">{t('review.fixTitle')}</h3>
        <p className="hint">{t('review.fixLead')}</p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="fix-title">{t('review.jobTitle')}</label>
            <input id="fix-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="fix-company">{t('review.company')}</label>
            <input
              id="fix-company"
              type="text"
              value={company}
              onChange={(e) => setCompany(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="fix-location">{t('review.location')}</label>
            <input
              id="fix-location"
              type="text"
              value={location}
              onChange={(e) => setLocation(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="fix-recruiter">{t('review.recruiterName')}</label>
            <input
              id="fix-recruiter"
              type="text"
              value={recruiter}
              onChange={(e) => setRecruiter(e.target.value)}
              aria-describedby="fix-recruiter-hint"
            />
            <p id="fix-recruiter-hint" className="hint">
              {t('review.recruiterHint')}
            </p>
          </div>
        </div>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="fix-skills">{t('review.cvSkills')}</label>
            <p id="fix-skills-hint" className="hint">
              {t('review.oneper')}
            </p>
            <textarea
              id="fix-skills"
              rows={8}
              value={skills}
              onChange={(e) => setSkills(e.target.value)}
              aria-describedby="fix-skills-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="fix-must">{t('review.mustHave')}</label>
            <p id="fix-must-hint" className="hint">
              {t('review.oneper')}
            </p>
            <textarea
              id="fix-must"
              rows={8}
              value={mustHave}
              onChange={(e) => setMustHave(e.target.value)}
              aria-describedby="fix-must-hint"
            />
            <button type="button" className="secondary" disabled={suggesting} onClick={onSuggest}>
              {suggesting ? t('review.suggesting') : t('review.suggest')}
            </button>
            <p className="hint" aria-live="polite" data-testid="suggest-status">
              {suggestion
                ? suggestion.offline
                  ? t('review.suggestOffline')
                  : t('review.suggested', { count: suggestion.added })
                : null}
            </p>
            <ProblemAlert error={suggestError} testId="suggest-error" />
          </div>
        </div>
        <ProblemAlert error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('review.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
