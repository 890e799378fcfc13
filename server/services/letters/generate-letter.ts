/**
 * Generating a letter: reserve a quota slot, write (streamed), save the complete text as version 1
 * and spend the slot — or, when the writer fails, is cancelled or is cut, release the slot and never
 * mark the letter complete. An Idempotency-Key makes a retried request return the same letter.
 */
import { AppError } from '../../core/errors';
import { briefSourceText, type LetterBrief } from '../../core/letter/brief';
import type { GroundingSources } from '../../core/letter/grounding';
import type { LetterOptions } from '../../core/letter/options';
import type { CvProfile, OfferProfile } from '../../core/profile/schemas';
import { AI_UNAVAILABLE_MESSAGE, type WrittenLetter } from '../../ports/ai-engine';
import type { LetterRecord, LetterVersion, StoredDocument } from '../../ports/document-stores';
import type { QuotaReservation } from '../../ports/plan-stores';
import { createDocumentFromText, effectiveProfile, getDocument } from '../documents/document-service';
import { commitLetter, currentPlan, releaseLetter, reserveLetter } from '../plans/plan-service';
import { checkAiBudget } from './ai-budget';
import type { LetterDeps } from './letter-deps';

export type DocumentRef = { documentId: string } | { text: string };

export interface GenerateInput {
  userId: string;
  cv: DocumentRef;
  offer: DocumentRef;
  options: LetterOptions;
  keptSkills?: { skill: string; evidence: string }[] | undefined;
  idempotencyKey?: string | undefined;
  /** Regenerate: write a new version of this letter instead of a new letter. */
  letterId?: string;
  /** Aborted when the client goes away: the upstream call is cancelled and the slot released. */
  signal?: AbortSignal;
}

export type GenerationEvent =
  | { type: 'started'; letter: LetterRecord; replay: boolean }
  | { type: 'chunk'; text: string }
  | {
      type: 'completed';
      letter: LetterRecord;
      version: LetterVersion;
      grounding: unknown;
      writtenWithoutAi: boolean;
    }
  | { type: 'failed'; error: AppError; cancelled: boolean };

async function resolveDocument(
  deps: LetterDeps,
  userId: string,
  kind: 'cv' | 'offer',
  ref: DocumentRef,
): Promise<StoredDocument> {
  if ('documentId' in ref) {
    const doc = await getDocument(deps.documents, userId, ref.documentId);
    if (doc.kind !== kind) {
      throw new AppError('validation_failed', {
        fr:
          kind === 'cv'
            ? 'Le document choisi comme CV est une offre.'
            : 'Le document choisi comme offre est un CV.',
        en:
          kind === 'cv' ? 'The document chosen as CV is an offer.' : 'The document chosen as offer is a CV.',
      });
    }
    return doc;
  }
  return createDocumentFromText(deps.documents, userId, { kind, text: ref.text });
}

const alreadyBeingWritten = () =>
  new AppError('conflict', {
    fr: 'Cette lettre est déjà en cours d’écriture.',
    en: 'This letter is already being written.',
  });

function titleOf(offer: OfferProfile, options: LetterOptions): string {
  const role = offer.title ?? options.careerChange.to;
  return offer.company ? `${role} — ${offer.company}` : role;
}

/** Runs a generation; the caller streams the events. Throws before the first event for refusals (quota, 404). */
export async function startGeneration(
  deps: LetterDeps,
  input: GenerateInput,
): Promise<AsyncGenerator<GenerationEvent>> {
  if (input.idempotencyKey && !input.letterId) {
    const existing = await deps.letters.findByIdempotencyKey(input.userId, input.idempotencyKey);
    if (existing) return replay(deps, existing);
  }
  // The provider is known to be down: say so at once, before any document, slot or letter row
  // (a retried request whose letter is already written was replayed above, without the provider).
  const retryAfterSeconds = deps.writer.unavailableFor?.() ?? null;
  if (retryAfterSeconds !== null) {
    throw new AppError('ai_unavailable', AI_UNAVAILABLE_MESSAGE, {
      reason: 'circuit_open',
      retryAfterSeconds,
    });
  }
  // Independent reads and checks go together: each round trip here delays the first word.
  const [cvDoc, offerDoc, plan, existingLetter] = await Promise.all([
    resolveDocument(deps, input.userId, 'cv', input.cv),
    resolveDocument(deps, input.userId, 'offer', input.offer),
    currentPlan(deps.plans, input.userId),
    input.letterId ? deps.letters.get(input.userId, input.letterId) : null,
    checkAiBudget(deps, input.userId),
  ]);
  if (input.letterId && !existingLetter)
    throw new AppError('not_found', { fr: 'Lettre introuvable.', en: 'Letter not found.' });
  if (existingLetter?.status === 'generating') throw alreadyBeingWritten();

  const reservation = await reserveLetter(deps.plans, input.userId, plan);
  const cv = effectiveProfile<CvProfile>(cvDoc);
  const offer = effectiveProfile<OfferProfile>(offerDoc);
  let letter: LetterRecord | null;
  try {
    letter = existingLetter
      ? await deps.letters.markGenerating(input.userId, existingLetter.id)
      : await deps.letters.create({
          userId: input.userId,
          title: titleOf(offer, input.options),
          company: offer.company,
          role: offer.title ?? input.options.careerChange.to,
          language: input.options.language,
          tone: input.options.tone,
          length: input.options.length,
          status: 'generating',
          cvDocumentId: cvDoc.id,
          offerDocumentId: offerDoc.id,
          request: { options: input.options, keptSkills: input.keptSkills ?? null },
          idempotencyKey: input.idempotencyKey ?? null,
        });
  } catch (error) {
    await releaseLetter(deps.plans, reservation);
    throw error;
  }
  if (!letter) {
    await releaseLetter(deps.plans, reservation);
    // Another rewrite of this letter started in the meantime: one at a time, this one uncharged.
    if (existingLetter) throw alreadyBeingWritten();
    // Another request with the same Idempotency-Key won the race: answer with that one, uncharged.
    const winner = input.idempotencyKey
      ? await deps.letters.findByIdempotencyKey(input.userId, input.idempotencyKey)
      : null;
    if (winner) return replay(deps, winner);
    throw new AppError('conflict', { fr: 'Requête en double.', en: 'Duplicate request.' });
  }
  const brief = deps.prepareBrief({
    cv,
    offer,
    cvText: cvDoc.text,
    offerText: offerDoc.text,
    options: input.options,
    keptSkills: input.keptSkills,
    today: deps.clock.now(),
  });
  return write(
    deps,
    input.userId,
    letter,
    reservation,
    brief,
    { cvText: cvDoc.text, offerText: offerDoc.text, briefText: briefSourceText(brief) },
    input.signal,
  );
}

async function* write(
  deps: LetterDeps,
  userId: string,
  letter: LetterRecord,
  reservation: QuotaReservation,
  brief: LetterBrief,
  sources: GroundingSources,
  clientSignal?: AbortSignal,
): AsyncGenerator<GenerationEvent> {
  const abort = new AbortController();
  const onClientGone = () => abort.abort();
  clientSignal?.addEventListener('abort', onClientGone, { once: true });
  let settled = false;
  try {
    yield { type: 'started', letter, replay: false };
    const stream = deps.writer.writeLetter(brief, abort.signal);
    let step = await stream.next();
    while (!step.done) {
      yield { type: 'chunk', text: step.value };
      step = await stream.next();
    }
    const written: WrittenLetter = step.value;
    if (written.finishReason !== 'stop' || !written.text.trim()) {
      throw new AppError('ai_bad_output', {
        fr: 'La rédaction a été interrompue avant la fin. Rien n’a été décompté ; réessayez.',
        en: 'Writing stopped before the end. Nothing was counted; try again.',
      });
    }
    const grounding = deps.checkGrounding(written.text, sources);
    const version = await deps.letters.completeGeneration(
      userId,
      letter.id,
      {
        content: written.text,
        source: 'generated',
        engine: written.engine,
        model: written.model,
        tokensIn: written.tokensIn,
        tokensOut: written.tokensOut,
        finishReason: written.finishReason,
      },
      { grounding, brief },
    );
    if (!version)
      throw new AppError('not_found', {
        fr: 'Lettre supprimée pendant l’écriture.',
        en: 'Letter deleted while being written.',
      });
    await commitLetter(deps.plans, reservation, letter.id);
    settled = true;
    const saved = (await deps.letters.get(userId, letter.id)) ?? letter;
    yield {
      type: 'completed',
      letter: saved,
      version,
      grounding,
      writtenWithoutAi: written.writtenWithoutAi,
    };
  } catch (error) {
    settled = true;
    const cancelled = abort.signal.aborted;
    await settleFailure(deps, userId, letter, reservation, cancelled ? 'cancelled' : 'failed');
    if (!cancelled && !(error instanceof AppError)) throw error;
    const appError =
      error instanceof AppError && !cancelled
        ? error
        : new AppError('invalid_request', { fr: 'Rédaction annulée.', en: 'Writing cancelled.' });
    yield { type: 'failed', error: appError, cancelled };
  } finally {
    clientSignal?.removeEventListener('abort', onClientGone);
    if (!settled) {
      // The consumer stopped reading (client gone, shutdown): cancel upstream, free the slot.
      abort.abort();
      await settleFailure(deps, userId, letter, reservation, 'cancelled');
    }
  }
}

async function settleFailure(
  deps: LetterDeps,
  userId: string,
  letter: LetterRecord,
  reservation: QuotaReservation,
  status: 'failed' | 'cancelled',
) {
  await releaseLetter(deps.plans, reservation);
  // A regenerated letter keeps its previous versions and stays complete; a new one is marked.
  if (letter.currentVersion > 0) await deps.letters.update(userId, letter.id, { status: 'complete' });
  else await deps.letters.update(userId, letter.id, { status });
}

async function* replay(deps: LetterDeps, letter: LetterRecord): AsyncGenerator<GenerationEvent> {
  if (letter.status === 'generating') {
    throw new AppError('conflict', {
      fr: 'Cette lettre est encore en cours d’écriture.',
      en: 'This letter is still being written.',
    });
  }
  if (letter.status !== 'complete') {
    throw new AppError('conflict', {
      fr: 'La tentative précédente avec cette clé a échoué : relancez avec une nouvelle clé.',
      en: 'The previous attempt with this key failed: retry with a new key.',
    });
  }
  const version = await deps.letters.getVersion(letter.userId, letter.id, letter.currentVersion);
  if (!version) throw new AppError('not_found', { fr: 'Lettre introuvable.', en: 'Letter not found.' });
  yield { type: 'started', letter, replay: true };
  yield { type: 'chunk', text: version.content };
  yield {
    type: 'completed',
    letter,
    version,
    grounding: letter.grounding,
    writtenWithoutAi: version.engine === 'offline',
  };
}
