/**
 * /letters/new: a guided flow in seven steps — CV, offer, review of what was read, the career
 * change, three optional questions, options, then the letter written live. Each step change moves
 * the focus to the step's heading so keyboard and screen-reader users follow.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { KeptSkill } from '../api/analyses';
import { isApiError } from '../api/client';
import { type DocumentDetail, offerLanguage, readCv, readOffer } from '../api/documents';
import { generateLetter, LENGTHS, type LetterOptions, TONES, type Tone } from '../api/letters';
import { ProblemAlert } from '../components/Problem';
import { usePageTitle } from '../components/page';
import { DocumentStep } from '../letters/DocumentStep';
import { ReviewStep } from '../letters/ReviewStep';
import { SkillsPicker } from '../letters/SkillsPicker';
import { StreamView } from '../letters/StreamView';
import { useLetterStream } from '../letters/useLetterStream';
import { newKey } from '../lib/format';

const STEPS = ['cv', 'offer', 'review', 'change', 'questions', 'options', 'generate'] as const;
type Step = (typeof STEPS)[number];

interface Choices {
  from: string;
  to: string;
  whyCompany: string;
  proudMoment: string;
  learningNow: string;
  tone: Tone;
  length: (typeof LENGTHS)[number];
  language: 'fr' | 'en' | null;
  city: string;
}

function Stepper({ step, reached, onGo }: { step: Step; reached: number; onGo: (step: Step) => void }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(step);
  return (
    <nav aria-label={t('letterNew.progress')} className="stepper">
      <p className="stepper-count">{t('letterNew.stepOf', { n: index + 1, total: STEPS.length })}</p>
      <ol>
        {STEPS.map((item, i) => {
          const label = t(`letterNew.steps.${item}`);
          const current = item === step;
          return (
            <li key={item} className={current ? 'current' : i < index ? 'past' : undefined}>
              {!current && i <= reached && step !== 'generate' ? (
                <button type="button" className="link-button" onClick={() => onGo(item)}>
                  {label}
                </button>
              ) : (
                <span aria-current={current ? 'step' : undefined}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function NewLetterPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('letterNew.title'));
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('cv');
  const [reached, setReached] = useState(0);
  const [cvDoc, setCvDoc] = useState<DocumentDetail | null>(null);
  const [offerDoc, setOfferDoc] = useState<DocumentDetail | null>(null);
  const [choices, setChoices] = useState<Choices>({
    from: '',
    to: '',
    whyCompany: '',
    proudMoment: '',
    learningNow: '',
    tone: 'formel',
    length: 'standard',
    language: null,
    city: '',
  });
  const [keptSkills, setKeptSkills] = useState<KeptSkill[] | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const stream = useLetterStream();
  const key = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<Step>(step);

  // The first step keeps the page's own focus (its h1); every later step focuses its heading.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const go = (next: Step) => {
    setLocalError(null);
    setStep(next);
    setReached((n) => Math.max(n, STEPS.indexOf(next)));
  };
  const set = <K extends keyof Choices>(field: K, value: Choices[K]) =>
    setChoices((previous) => ({ ...previous, [field]: value }));

  const offer = offerDoc ? readOffer(offerDoc) : null;
  const language = choices.language ?? (offerDoc ? offerLanguage(offerDoc) : null) ?? (i18n.language as 'fr');

  const onChange = (event: FormEvent) => {
    event.preventDefault();
    if (!choices.from.trim() || !choices.to.trim()) {
      setLocalError(t('letterNew.change.missing'));
      return;
    }
    go('questions');
  };

  const buildOptions = (): LetterOptions => {
    const answers: LetterOptions['answers'] = {};
    if (choices.whyCompany.trim()) answers.whyCompany = choices.whyCompany.trim();
    if (choices.proudMoment.trim()) answers.proudMoment = choices.proudMoment.trim();
    if (choices.learningNow.trim()) answers.learningNow = choices.learningNow.trim();
    const options: LetterOptions = {
      careerChange: { from: choices.from.trim(), to: choices.to.trim() },
      tone: choices.tone,
      length: choices.length,
      language,
      answers,
    };
    const recruiter = offer?.recruiter?.name.trim();
    if (recruiter) options.recruiterName = recruiter;
    if (choices.city.trim()) options.city = choices.city.trim();
    return options;
  };

  const write = async (retry: boolean) => {
    if (!cvDoc || !offerDoc) return;
    // A retry after a cut connection keeps the key: the server replays instead of writing twice.
    if (!retry || !key.current) key.current = newKey();
    const idempotencyKey = key.current;
    const letter = await stream.run((options) =>
      generateLetter(
        {
          cv: { documentId: cvDoc.id },
          offer: { documentId: offerDoc.id },
          options: buildOptions(),
          ...(keptSkills?.length ? { keptSkills } : {}),
        },
        idempotencyKey,
        options,
      ),
    );
    if (letter) navigate(`/letters/${letter.id}`, { state: { notice: 'letterWritten' } });
  };

  return (
    <section aria-labelledby="new-letter-title" className="wizard">
      <h1 id="new-letter-title">{t('letterNew.title')}</h1>
      <Stepper step={step} reached={reached} onGo={go} />
      <h2 ref={heading} tabIndex={-1} className="step-title" data-testid="step-title" data-step={step}>
        {t(`letterNew.headings.${step}`)}
      </h2>

      {step === 'cv' ? (
        <DocumentStep
          kind="cv"
          current={cvDoc}
          onDone={(doc) => {
            setCvDoc(doc);
            go('offer');
          }}
        />
      ) : null}

      {step === 'offer' ? (
        <DocumentStep
          kind="offer"
          current={offerDoc}
          onDone={(doc) => {
            setOfferDoc(doc);
            go('review');
          }}
        />
      ) : null}

      {step === 'review' && cvDoc && offerDoc ? (
        <ReviewStep
          cvDoc={cvDoc}
          offerDoc={offerDoc}
          onDone={(cv, nextOffer) => {
            setCvDoc(cv);
            setOfferDoc(nextOffer);
            setChoices((previous) => ({
              ...previous,
              to: previous.to || readOffer(nextOffer).title || '',
              city: previous.city || (readCv(cv).contact.location ?? ''),
            }));
            go('change');
          }}
        />
      ) : null}

      {step === 'change' ? (
        <form className="stack" noValidate onSubmit={onChange}>
          <p className="hint">{t('letterNew.change.lead')}</p>
          <div className="field">
            <label htmlFor="change-from">{t('letterNew.change.from')}</label>
            <p id="change-from-hint" className="hint">
              {t('letterNew.change.fromHint')}
            </p>
            <input
              id="change-from"
              type="text"
              value={choices.from}
              maxLength={120}
              onChange={(e) => set('from', e.target.value)}
              aria-describedby="change-from-hint"
              aria-required
              aria-invalid={localError && !choices.from.trim() ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="change-to">{t('letterNew.change.to')}</label>
            <p id="change-to-hint" className="hint">
              {t('letterNew.change.toHint')}
            </p>
            <input
              id="change-to"
              type="text"
              value={choices.to}
              maxLength={120}
              onChange={(e) => set('to', e.target.value)}
              aria-describedby="change-to-hint"
              aria-required
              aria-invalid={localError && !choices.to.trim() ? true : undefined}
            />
          </div>
          {localError ? (
            <p role="alert" className="form-alert">
              {localError}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary">
              {t('letterNew.continue')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'questions' ? (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            go('options');
          }}
        >
          {cvDoc && offerDoc ? (
            <SkillsPicker
              cvDocumentId={cvDoc.id}
              offerDocumentId={offerDoc.id}
              from={choices.from.trim()}
              to={choices.to.trim()}
              language={language}
              onChange={setKeptSkills}
            />
          ) : null}
          <p className="hint">{t('letterNew.questions.lead')}</p>
          {(['whyCompany', 'proudMoment', 'learningNow'] as const).map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`q-${field}`}>
                {t(`letterNew.questions.${field}`, { company: offer?.company || t('letterNew.thisCompany') })}
              </label>
              <p id={`q-${field}-hint`} className="hint">
                {t(`letterNew.questions.${field}Hint`)}
              </p>
              <textarea
                id={`q-${field}`}
                rows={3}
                maxLength={1000}
                value={choices[field]}
                onChange={(e) => set(field, e.target.value)}
                aria-describedby={`q-${field}-hint`}
              />
            </div>
          ))}
          <div className="actions">
            <button type="submit" className="primary">
              {t('letterNew.continue')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setChoices((previous) => ({ ...previous, whyCompany: '', proudMoment: '', learningNow: '' }));
                go('options');
              }}
            >
              {t('letterNew.questions.skipAll')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'options' ? (
        <form
          className="stack wide"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            go('generate');
          }}
        >
          <fieldset className="choice-group tones">
            <legend>{t('letterNew.options.tone')}</legend>
            {TONES.map((tone) => (
              <div key={tone} className="choice tone-choice">
                <input
                  type="radio"
                  id={`tone-${tone}`}
                  name="tone"
                  value={tone}
                  checked={choices.tone === tone}
                  onChange={() => set('tone', tone)}
                  aria-describedby={`tone-${tone}-hint`}
                />
                <label htmlFor={`tone-${tone}`}>{t(`tones.${tone}.label`)}</label>
                <p id={`tone-${tone}-hint`} className="hint">
                  {t(`tones.${tone}.hint`)}
                </p>
              </div>
            ))}
          </fieldset>
          <fieldset className="choice-group">
            <legend>{t('letterNew.options.length')}</legend>
            {LENGTHS.map((length) => (
              <div key={length} className="choice">
                <input
                  type="radio"
                  id={`length-${length}`}
                  name="length"
                  value={length}
                  checked={choices.length === length}
                  onChange={() => set('length', length)}
                />
                <label htmlFor={`length-${length}`}>{t(`lengths.${length}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="letter-language">{t('letterNew.options.language')}</label>
            <p id="letter-language-hint" className="hint">
              {offerDoc && offerLanguage(offerDoc)
                ? t('letterNew.options.languageFromOffer', {
                    language: t(`languages.${offerLanguage(offerDoc)}`),
                  })
                : t('letterNew.options.languageHint')}
            </p>
            <select
              id="letter-language"
              value={language}
              onChange={(e) => set('language', e.target.value === 'en' ? 'en' : 'fr')}
              aria-describedby="letter-language-hint"
            >
              <option value="fr">{t('languages.fr')}</option>
              <option value="en">{t('languages.en')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="letter-city">{t('letterNew.options.city')}</label>
            <p id="letter-city-hint" className="hint">
              {t('letterNew.options.cityHint')}
            </p>
            <input
              id="letter-city"
              type="text"
              maxLength={80}
              autoComplete="address-level2"
              value={choices.city}
              onChange={(e) => set('city', e.target.value)}
              aria-describedby="letter-city-hint"
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('letterNew.continue')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'generate' ? (
        <div className="stack wide">
          <dl className="facts summary-facts">
            <dt>{t('letterNew.summary.cv')}</dt>
            <dd>{cvDoc?.title}</dd>
            <dt>{t('letterNew.summary.offer')}</dt>
            <dd>{offerDoc?.title}</dd>
            <dt>{t('letterNew.summary.change')}</dt>
            <dd>
              {choices.from} → {choices.to}
            </dd>
            <dt>{t('letterNew.summary.options')}</dt>
            <dd>
              {t(`tones.${choices.tone}.label`)} · {t(`lengths.${choices.length}`)} ·{' '}
              {t(`languages.${language}`)}
            </dd>
          </dl>
          {stream.state === 'writing' ? null : <p className="hint">{t('generate.costHint')}</p>}
          <StreamView state={stream.state} text={stream.text} />
          {stream.state === 'failed' ? <ProblemAlert error={stream.error} /> : null}
          <div className="actions">
            {stream.state === 'writing' ? (
              <button type="button" className="secondary" onClick={stream.cancel}>
                {t('generate.cancel')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => void write(isApiError(stream.error) && stream.error.code === 'network_error')}
              >
                {stream.state === 'idle' ? t('generate.start') : t('generate.again')}
              </button>
            )}
            {stream.state === 'writing' ? null : (
              <button type="button" className="secondary" onClick={() => go('options')}>
                {t('letterNew.back')}
              </button>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
